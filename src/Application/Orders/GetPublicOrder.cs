using Cvety.Application.Common;
using Cvety.Application.Users;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using Marten;

namespace Cvety.Application.Orders;

public sealed record PublicRecipient(string? Name, string? Phone);

public sealed record PublicItem(string Name, Money Price, int Quantity);

public sealed record PublicPhoto(string Url, string Label, string? Feedback, string? Comment);

public sealed record PublicSender(string? Phone);

/// <summary>
/// What anyone holding the tracking id may see: no customer data, phones masked. Besides the legacy tracking object it
/// carries what the shop SPA's tracking page reads: the order's id, <c>sender.phone</c>, <c>date_time</c>,
/// <c>pickup_address</c>, <c>kaspi_payment_id</c> and the status in the customer's words (<c>status_text</c>).
/// </summary>
public sealed record PublicOrderView(
    Guid Id, string TrackingId, string OrderNumber, string Status, string StatusText, PublicRecipient Recipient, PublicSender Sender,
    DeliveryType DeliveryType, string? DeliveryAddress, string? PickupAddress, DateOnly? DeliveryDate, string? ScheduledTime, string? DateTime,
    bool DateToBeAgreed, string? PostcardText, IReadOnlyList<PublicItem> Items, IReadOnlyList<PublicPhoto> Photos,
    Money DeliveryCost, Money Total, PaymentMethod PaymentMethod, bool IsPaid, string? KaspiPaymentId, string? KaspiPaymentStatus);

public sealed record GetPublicOrder(Guid OrderId);

/// <summary>
/// The AI agent's "where is my order" by the customer's phone (<c>GET /orders/public/track/phone/{phone}</c>, which the
/// legacy backend never served): the tracking views of that phone's orders in the shop, newest first. Only the shop's
/// agent (its key) or staff may ask: a phone is no secret, so anyone else would walk customers' orders.
/// </summary>
public sealed record TrackOrdersByPhone(string Phone)
{
    public sealed class Validator : FluentValidation.AbstractValidator<TrackOrdersByPhone>
    {
        public Validator() => RuleFor(x => x.Phone).MustBePhone();
    }
}

/// <summary>What the customer who just placed an order gets back (<c>POST /orders/public/create</c>).</summary>
public sealed record GetOrderReceipt(Guid OrderId);

/// <summary>
/// The order as it was recorded, for the one who placed it: the legacy <c>OrderRead</c> the shop SPA, the AI agent
/// and the MCP server read (<c>id</c>, <c>tracking_id</c>, <c>orderNumber</c>, <c>phone</c>, the items with their
/// prices, the delivery), holding nothing the caller did not send, and none of the staff's fields (notes, refunds,
/// assignments). Everyone else reads the order by its tracking id, with the phones masked.
/// </summary>
public sealed record OrderReceipt(
    Guid Id, string TrackingId, string OrderNumber, string Status, string StatusText, string CustomerName, string Phone, string? CustomerEmail,
    DeliveryType DeliveryType, string? DeliveryAddress, string? PickupAddress, DateOnly? DeliveryDate, TimeOnly? DeliveryFrom, string? ScheduledTime, string? DeliveryNotes,
    string? RecipientName, string? RecipientPhone, string? SenderPhone, string? PostcardText, IReadOnlyList<OrderItemView> Items,
    Money Subtotal, Money DeliveryCost, Money Total, PaymentMethod PaymentMethod, string? KaspiPaymentId, string? KaspiPaymentStatus, DateTimeOffset? KaspiPaymentCreatedAt,
    bool AskDeliveryAddress, bool AskDeliveryTime, int BonusPoints, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    // The legacy camelCase names, as properties of their own (System.Text.Json binds record parameters case-insensitively).
    [System.Text.Json.Serialization.JsonPropertyName("orderNumber")]
    public string LegacyOrderNumber => OrderNumber;

    [System.Text.Json.Serialization.JsonPropertyName("customerName")]
    public string LegacyCustomerName => CustomerName;

    public static OrderReceipt Of(OrderDetails o) => new(o.Id, o.TrackingId, o.OrderNumber, o.Status,
        GetPublicOrderHandler.StatusText(OrderStatuses.TryParse(o.Status, out var s) ? s : OrderStatus.New), o.CustomerName, o.CustomerPhone, o.CustomerEmail,
        o.DeliveryType, o.DeliveryAddress, o.PickupAddress, o.DeliveryDate, o.DeliveryFrom, o.ScheduledTime, o.DeliveryNotes,
        o.RecipientName, o.RecipientPhone, o.SenderPhone, o.PostcardText, o.Items, o.Subtotal, o.DeliveryCost, o.Total, o.PaymentMethod,
        o.KaspiPaymentId, o.KaspiPaymentStatus, o.KaspiPaymentCreatedAt, o.AskDeliveryAddress, o.AskDeliveryTime, o.BonusPoints ?? 0, o.CreatedAt, o.UpdatedAt);
}

public static class GetPublicOrderHandler
{
    public static async Task<IReadOnlyList<PublicOrderView>> Handle(TrackOrdersByPhone query, IQuerySession session, CancellationToken ct)
    {
        var phone = PhoneNumber.Parse(query.Phone).Value;
        var orders = await session.Query<OrderDetails>().Where(o => o.CustomerPhone == phone).OrderByDescending(o => o.CreatedAt).Take(10).ToListAsync(ct);
        return orders.Select(View).ToList();
    }

    public static async Task<OrderReceipt> Handle(GetOrderReceipt query, IQuerySession session, CancellationToken ct) =>
        OrderReceipt.Of(await session.LoadAsync<OrderDetails>(query.OrderId, ct) ?? throw new NotFoundException("Order", query.OrderId));

    public static async Task<PublicOrderView> Handle(GetPublicOrder query, IQuerySession session, CancellationToken ct) =>
        View(await session.LoadAsync<OrderDetails>(query.OrderId, ct) ?? throw new NotFoundException("Order", query.OrderId));

    private static PublicOrderView View(OrderDetails o)
    {
        var status = OrderStatuses.TryParse(o.Status, out var s) ? s : OrderStatus.New;
        return new PublicOrderView(
            o.Id, o.TrackingId, o.OrderNumber, o.Status, StatusText(status),
            new PublicRecipient(o.RecipientName, Mask(o.RecipientPhone)), new PublicSender(Mask(o.SenderPhone ?? o.CustomerPhone)),
            o.DeliveryType, o.DeliveryAddress, o.PickupAddress, o.DeliveryDate, o.ScheduledTime, DateTimeOf(o), o.DateToBeAgreed, o.PostcardText,
            o.Items.Select(i => new PublicItem(i.ProductName, i.ProductPrice, i.Quantity)).ToList(),
            o.Photos.Select(p => new PublicPhoto(p.Url, p.Label, p.Feedback, p.Comment)).ToList(),
            o.DeliveryCost, o.Total, o.PaymentMethod, o.IsPaid, o.KaspiPaymentId, o.KaspiPaymentStatus);
    }

    /// <summary>
    /// The legacy <c>date_time</c>, which the shop SPA feeds to <c>new Date()</c>: the delivery's moment in the shop's wall
    /// clock (the window's start, noon when no time is known), or, without a delivery date, when the order was placed.
    /// </summary>
    private static string DateTimeOf(OrderDetails o) =>
        (DeliveryDateInput.LegacyMoment(o.DeliveryDate, o.ScheduledTime, Domain.Shops.WorkingHours.KazakhstanOffset) ?? o.CreatedAt.ToOffset(Domain.Shops.WorkingHours.KazakhstanOffset))
        .ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The status as the customer reads it on the tracking page.</summary>
    public static string StatusText(OrderStatus status) => status switch
    {
        OrderStatus.New => "Заказ принят",
        OrderStatus.Paid => "Оплачен",
        OrderStatus.Accepted => "Передан флористу",
        OrderStatus.Assembled => "Букет собран",
        OrderStatus.InDelivery => "Курьер в пути",
        OrderStatus.Delivered => "Доставлен",
        OrderStatus.Cancelled => "Отменён",
        _ => status.Name(),
    };

    internal static string? Mask(string? phone) => PhoneNumber.TryParse(phone, out var p) ? p.Masked() : null;
}
