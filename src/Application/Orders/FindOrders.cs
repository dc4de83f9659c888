using Cvety.Application.Common;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using Marten;

namespace Cvety.Application.Orders;

/// <summary>An order of the shop by its number (<c>#00042</c> or <c>42</c>), for the public status route.</summary>
public sealed record FindOrderByNumber(string Number);

/// <summary>
/// What anyone may learn of an order from its number alone. Numbers run in sequence, so this answer must never carry
/// the tracking id (the customer's key to change the order), the order's id, names, addresses or items: the status,
/// and the phones masked, at most.
/// </summary>
public sealed record GetOrderStatusByNumber(string Number);

public sealed record OrderStatusByNumber(string OrderNumber, string Status, string StatusText, PublicRecipient Recipient, PublicSender Sender);

/// <summary>An order's lines checked against stock now, as a preview of the same basket would.</summary>
public sealed record CheckOrderAvailability(Guid OrderId);

public static class FindOrdersHandler
{
    public static async Task<Guid> Handle(FindOrderByNumber query, IQuerySession session, CancellationToken ct)
    {
        var digits = new string(query.Number.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length is 0 or > 9) throw new NotFoundException("Order", query.Number);
        var number = "#" + int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
        var ids = await session.Query<OrderDetails>().Where(o => o.OrderNumber == number).Select(o => o.Id).ToListAsync(ct);
        return ids.Count > 0 ? ids[0] : throw new NotFoundException("Order", query.Number);
    }

    public static async Task<OrderStatusByNumber> Handle(GetOrderStatusByNumber query, IQuerySession session, CancellationToken ct)
    {
        var id = await Handle(new FindOrderByNumber(query.Number), session, ct);
        var o = await session.LoadAsync<OrderDetails>(id, ct) ?? throw new NotFoundException("Order", query.Number);
        var status = OrderStatuses.TryParse(o.Status, out var s) ? s : OrderStatus.New;
        return new OrderStatusByNumber(o.OrderNumber, o.Status, GetPublicOrderHandler.StatusText(status),
            new PublicRecipient(null, GetPublicOrderHandler.Mask(o.RecipientPhone)), new PublicSender(GetPublicOrderHandler.Mask(o.SenderPhone ?? o.CustomerPhone)));
    }

    public static async Task<OrderPreview> Handle(CheckOrderAvailability query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        currentUser.RequireStaff();
        var order = await session.LoadAsync<OrderDetails>(query.OrderId, ct) ?? throw new NotFoundException("Order", query.OrderId);
        var items = order.Items.Select(i => new PlaceOrder.Item(i.ProductId, i.Quantity, i.SpecialRequests)).ToList();
        return await PreviewOrderHandler.Handle(new PreviewOrder(items, order.DeliveryType.Word()), session, ct);
    }
}
