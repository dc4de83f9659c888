using Cvety.Application.Common;
using Cvety.Domain.Common;
using Marten;

namespace Cvety.Application.Orders;

public sealed record PublicRecipient(string? Name, string? Phone);

public sealed record PublicItem(string Name, Money Price, int Quantity);

public sealed record PublicPhoto(string Url, string Label, string? Feedback, string? Comment);

/// <summary>What anyone holding the tracking id may see: no customer data, phones masked.</summary>
public sealed record PublicOrderView(
    string TrackingId, string OrderNumber, string Status, PublicRecipient Recipient, string DeliveryType, string? DeliveryAddress,
    DateOnly? DeliveryDate, string? ScheduledTime, string? PostcardText, IReadOnlyList<PublicItem> Items, IReadOnlyList<PublicPhoto> Photos,
    Money DeliveryCost, Money Total, string PaymentMethod, bool IsPaid, string? KaspiPaymentStatus);

public sealed record GetPublicOrder(Guid OrderId);

public static class GetPublicOrderHandler
{
    public static async Task<PublicOrderView> Handle(GetPublicOrder query, IQuerySession session, CancellationToken ct)
    {
        var o = await session.LoadAsync<OrderDetails>(query.OrderId, ct) ?? throw new NotFoundException("Order", query.OrderId);
        return new PublicOrderView(
            o.TrackingId, o.OrderNumber, o.Status,
            new PublicRecipient(o.RecipientName, Mask(o.RecipientPhone)),
            o.DeliveryType, o.DeliveryAddress, o.DeliveryDate, o.ScheduledTime, o.PostcardText,
            o.Items.Select(i => new PublicItem(i.ProductName, i.ProductPrice, i.Quantity)).ToList(),
            o.Photos.Select(p => new PublicPhoto(p.Url, p.Label, p.Feedback, p.Comment)).ToList(),
            o.DeliveryCost, o.Total, o.PaymentMethod, o.IsPaid, o.KaspiPaymentStatus);
    }

    private static string? Mask(string? phone) => PhoneNumber.TryParse(phone, out var p) ? p.Masked() : null;
}
