using Cvety.Application.Common;
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
    string DeliveryType, string? DeliveryAddress, string? PickupAddress, DateOnly? DeliveryDate, string? ScheduledTime, string? DateTime,
    bool DateToBeAgreed, string? PostcardText, IReadOnlyList<PublicItem> Items, IReadOnlyList<PublicPhoto> Photos,
    Money DeliveryCost, Money Total, string PaymentMethod, bool IsPaid, string? KaspiPaymentId, string? KaspiPaymentStatus);

public sealed record GetPublicOrder(Guid OrderId);

public static class GetPublicOrderHandler
{
    public static async Task<PublicOrderView> Handle(GetPublicOrder query, IQuerySession session, CancellationToken ct)
    {
        var o = await session.LoadAsync<OrderDetails>(query.OrderId, ct) ?? throw new NotFoundException("Order", query.OrderId);
        var status = OrderStatuses.TryParse(o.Status, out var s) ? s : OrderStatus.New;
        return new PublicOrderView(
            o.Id, o.TrackingId, o.OrderNumber, o.Status, StatusText(status),
            new PublicRecipient(o.RecipientName, Mask(o.RecipientPhone)), new PublicSender(Mask(o.SenderPhone ?? o.CustomerPhone)),
            o.DeliveryType, o.DeliveryAddress, o.PickupAddress, o.DeliveryDate, o.ScheduledTime, DateTimeOf(o), o.DateToBeAgreed, o.PostcardText,
            o.Items.Select(i => new PublicItem(i.ProductName, i.ProductPrice, i.Quantity)).ToList(),
            o.Photos.Select(p => new PublicPhoto(p.Url, p.Label, p.Feedback, p.Comment)).ToList(),
            o.DeliveryCost, o.Total, o.PaymentMethod, o.IsPaid, o.KaspiPaymentId, o.KaspiPaymentStatus);
    }

    /// <summary>The legacy <c>date_time</c>: the delivery day and the window's start, in the shop's time, when known.</summary>
    private static string? DateTimeOf(OrderDetails o) =>
        o.DeliveryDate is not { } date ? null
        : o.DeliveryFrom is { } from ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd}T{from:HH:mm}:00")
        : date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

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
