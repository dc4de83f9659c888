namespace Cvety.Application.Bitrix;

public sealed record BitrixOrderLine(int ProductId, int Quantity, long Price, string Name);

/// <summary>The body of <c>POST /api/v2/orders/create/</c>; money in tiyn, as the endpoint takes it.</summary>
public sealed record BitrixOrderCreate(
    string RailwayOrderId, string CustomerPhone, string? CustomerName, string Pickup, string? RecipientName, string? RecipientPhone,
    string? DeliveryAddress, string? DeliveryDate, string? DeliveryTime, string? City, string? PostcardText, string? Notes,
    long DeliveryFee, IReadOnlyList<BitrixOrderLine> Items, long TotalPrice);

public sealed record BitrixCreatedOrder(long OrderId, string? AccountNumber, bool Duplicate);

/// <summary>The port to Bitrix's HTTP API.</summary>
public interface IBitrixClient
{
    Task<BitrixCreatedOrder> CreateOrderAsync(BitrixOrderCreate order, CancellationToken ct);

    Task ChangeStatusAsync(long bitrixOrderId, string statusId, string? comment, CancellationToken ct);

    /// <summary>One page of <c>GET /api/v2/products</c>.</summary>
    Task<BitrixProductPage> GetProductsAsync(int offset, int limit, CancellationToken ct);

    /// <summary><c>PUT /api/v2/products/update-from-railway/{id}</c>.</summary>
    Task UpdateProductAsync(BitrixProductUpdate update, CancellationToken ct);
}

public sealed record BitrixProductPage(IReadOnlyList<System.Text.Json.Nodes.JsonNode?> Items, int Total, bool HasMore);

/// <summary>The body of the product update; the price is formatted tenge ("4 950 ₸"), as Bitrix shows it.</summary>
public sealed record BitrixProductUpdate(long Id, string Title, string Price, string? Image, bool IsAvailable, string? Description);

/// <summary>Bitrix did not answer, or answered 5xx/429: try again later.</summary>
public sealed class BitrixUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Bitrix refused the call (4xx): retrying the same call will not help; it goes to the dead-letter store for a person.</summary>
public sealed class BitrixRejectedException(string message) : Exception(message);

/// <summary>A status change waits for the order's create call to reach Bitrix first.</summary>
public sealed class BitrixOrderNotLinkedYetException(Guid orderId) : Exception($"Order {orderId} has no Bitrix id yet.");
