using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Orders;
using Marten;

namespace Cvety.Application.Clients;

/// <summary>A client with their orders, newest first, and what the shop has had from them (cancelled orders apart).</summary>
public sealed record GetClient(Guid ClientId);

/// <summary>One of a client's orders, with what the admin SPA's client page shows of it (customer, phone, address, notes).</summary>
public sealed record ClientOrder(Guid Id, string OrderNumber, string Status, long Total, DateTimeOffset CreatedAt, DateOnly? DeliveryDate, string? RecipientName,
    string CustomerName, string Phone, string? DeliveryAddress, string? Notes, TimeOnly? DeliveryFrom)
{
    // The legacy camelCase names, as properties of their own: a name that differs from a constructor parameter only in
    // case cannot be added to the JSON contract of a record (System.Text.Json binds parameters case-insensitively).
    [System.Text.Json.Serialization.JsonPropertyName("orderNumber")]
    public string LegacyOrderNumber => OrderNumber;

    [System.Text.Json.Serialization.JsonPropertyName("customerName")]
    public string LegacyCustomerName => CustomerName;
}

public sealed record ClientStatistics(int OrdersCount, int Delivered, int Cancelled, long TotalSpent, long AverageOrder, DateTimeOffset? FirstOrderAt, DateTimeOffset? LastOrderAt);

/// <summary>The card, its orders and statistics; at the top, the legacy client page's fields (the admin SPA spreads this object).</summary>
public sealed record ClientDetails(ClientCard Client, IReadOnlyList<ClientOrder> Orders, ClientStatistics Statistics)
{
    public Guid Id => Client.Id;
    public string Phone => Client.Phone;
    public string? Notes => Client.Notes;
}

public static class GetClientHandler
{
    public static async Task<ClientDetails> Handle(GetClient query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        currentUser.RequireStaff();
        var card = await ClientAccess.LoadAsync(session, query.ClientId, ct);
        var orders = card.OrderIds.Count == 0 ? [] : (await session.LoadManyAsync<OrderDetails>(ct, card.OrderIds)).OrderByDescending(o => o.CreatedAt).ToList();
        var cancelled = OrderStatus.Cancelled.Name();
        var kept = orders.Where(o => o.Status != cancelled).ToList();
        var spent = kept.Sum(o => o.Total.Tiyn);
        return new ClientDetails(card,
            orders.Select(o => new ClientOrder(o.Id, o.OrderNumber, o.Status, o.Total.Tiyn, o.CreatedAt, o.DeliveryDate, o.RecipientName,
                o.CustomerName, o.CustomerPhone, o.DeliveryAddress, o.Notes, o.DeliveryFrom)).ToList(),
            new ClientStatistics(orders.Count, orders.Count(o => o.Status == OrderStatus.Delivered.Name()), orders.Count - kept.Count, spent,
                kept.Count == 0 ? 0 : spent / kept.Count, orders.LastOrDefault()?.CreatedAt, orders.FirstOrDefault()?.CreatedAt));
    }
}
