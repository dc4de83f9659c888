using System.Text.Json.Nodes;
using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using Marten;
using Wolverine;

namespace Cvety.Application.Bitrix;

/// <summary>
/// Bitrix's order webhook (<c>{event, token, data}</c>): order.create, order.update and order.status_change turned
/// into events on one order per Bitrix id. Everything it changes has source <c>bitrix</c>, and nothing with that
/// source is ever sent back to Bitrix.
/// </summary>
public sealed record ReceiveBitrixOrder(string Event, JsonNode? Data)
{
    public const string Source = "bitrix-order";

    public string NormalisedEvent => Event.Trim() switch
    {
        "order.status.change" => "order.status_change",
        var e => e,
    };

    /// <summary>Everything Bitrix sends except its send timestamp: a real change, however small, is a new key.</summary>
    public string DeliveryKey => InboundDelivery.KeyFor(Source, new JsonObject { ["event"] = NormalisedEvent, ["data"] = Data?.DeepClone() }, "webhook_timestamp");
}

public static class ReceiveBitrixOrderHandler
{
    private static readonly Origin FromBitrix = new(Sources.Bitrix, Sources.Bitrix);

    // Not Wolverine's aggregate workflow: which order this delivery is about (linked, echoed back, or new) is only known
    // once the Bitrix id has been looked up, so the handler fetches the stream itself.
    public static async Task<WebhookReply> Handle(ReceiveBitrixOrder command, IDocumentSession session, BitrixOptions options,
        TimeProvider clock, CancellationToken ct)
    {
        var kind = command.NormalisedEvent;
        if (kind is not ("order.create" or "order.update" or "order.status_change"))
            return WebhookReply.Ok(new() { ["status"] = "success", ["action"] = "unknown_event", ["event"] = command.Event });

        var key = command.DeliveryKey;
        if (await WebhookReply.RememberedAsync(session, key, ct) is { } remembered) return remembered;

        var data = BitrixOrderData.Parse(command.Data);
        var link = await session.LoadAsync<BitrixOrderLink>(BitrixOrderLink.KeyOf(data.Id), ct);

        string action;
        Guid orderId;
        if (link is not null)
        {
            orderId = link.OrderId;
            action = await ApplyAsync(session, options, link.OrderId, data, details: kind != "order.status_change", ct);
        }
        else if (data.RailwayOrderId is { } ours && await session.Events.FetchStreamStateAsync(ours, ct) is not null)
        {
            // Bitrix echoes an order we created: the same order, now with its Bitrix id. Never a second order.
            orderId = ours;
            var stream = await OrderStreams.ForWritingAsync(session, ours, null, ct);
            stream.AppendMany(OrderDecisions.LinkToBitrix(stream.Aggregate!, data.Id, data.AccountNumber, FromBitrix));
            session.Insert(new BitrixOrderLink(BitrixOrderLink.KeyOf(data.Id), ours));
            action = "linked";
        }
        else if (kind == "order.status_change" && data.Basket is null)
        {
            // A status for an order we have never seen: kept and applied when the order itself arrives.
            session.Store(new PendingBitrixStatus(BitrixOrderLink.KeyOf(data.Id), data.StatusId ?? "", null, clock.GetUtcNow()));
            return WebhookReply.Ok(new() { ["status"] = "success", ["action"] = "pending", ["bitrix_order_id"] = data.Id })
                .RememberAs(session, key, ReceiveBitrixOrder.Source, clock.GetUtcNow());
        }
        else
        {
            orderId = await CreateAsync(session, options, data, ct);
            action = "created";
        }

        return WebhookReply.Ok(new() { ["status"] = "success", ["action"] = action, ["order_id"] = orderId, ["bitrix_order_id"] = data.Id })
            .RememberAs(session, key, ReceiveBitrixOrder.Source, clock.GetUtcNow());
    }

    private static async Task<Guid> CreateAsync(IDocumentSession session, BitrixOptions options, BitrixOrderData data, CancellationToken ct)
    {
        var shopId = Tenancy.ShopOf(session);
        var orderId = Guid.CreateVersion7();
        // Lines name our product when Bitrix's is linked to one (imported or synced), so stock follows Bitrix orders too.
        var basket = data.Basket ?? [];
        var links = (await session.LoadManyAsync<BitrixProductLink>(ct, basket.Select(l => BitrixProductLink.KeyOf(l.ProductId)).Distinct().ToArray()))
            .ToDictionary(l => l.Id, l => l.ProductId);
        var lines = basket.Select(l => new OrderLine(links.GetValueOrDefault(BitrixProductLink.KeyOf(l.ProductId), l.ProductId), l.Name, l.UnitPrice, l.Quantity, null)).ToList();
        if (lines.Count == 0)
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("data.basket", "A new order needs its basket.")]);

        var customerPhone = BitrixOrderData.Phone(data.Prop("phone") ?? data.UserPhone) ?? "";
        var placed = OrderDecisions.Place(
            orderId, shopId, await OrderIdentity.NextOrderNumberAsync(session, shopId, ct), await OrderIdentity.NewTrackingIdAsync(session, ct),
            new Customer(data.Prop("name") ?? data.UserName ?? "Клиент Bitrix", customerPhone, data.Prop("email"), null),
            data.RecipientOver(new Recipient(null, null)),
            data.DeliveryOver(new Delivery(data.IsPickup ? DeliveryType.Pickup : DeliveryType.Delivery, null, null, null, null)),
            data.Prop("postcardText"), lines, data.DeliveryPrice ?? Money.Zero,
            PaymentMethod.FromBitrix(data.PaySystemId), Sources.Bitrix,
            new ExternalIds(data.Id, data.AccountNumber), data.Comment, null, FromBitrix);

        session.Start(placed);
        // The primary key of the link is what makes five concurrent deliveries of one order.create give one order.
        session.Insert(new BitrixOrderLink(BitrixOrderLink.KeyOf(data.Id), orderId));

        var order = Order.Create(placed);
        var pending = await session.LoadAsync<PendingBitrixStatus>(BitrixOrderLink.KeyOf(data.Id), ct);
        var events = StatusAndPayment(options, order, data with { StatusId = data.StatusId is null or "N" ? pending?.Code ?? data.StatusId : data.StatusId });
        if (pending is not null) session.Delete(pending);
        if (events.Length > 0) session.Events.Append(orderId, events);
        return orderId;
    }

    private static async Task<string> ApplyAsync(IDocumentSession session, BitrixOptions options, Guid orderId, BitrixOrderData data, bool details, CancellationToken ct)
    {
        var stream = await OrderStreams.ForWritingAsync(session, orderId, null, ct);
        var order = stream.Aggregate!;
        var events = new List<object>();
        if (details)
            events.AddRange(OrderDecisions.ReportDetailsFromOutside(order, data.RecipientOver(order.Recipient), data.DeliveryOver(order.Delivery),
                data.Carries("postcardText") ? data.Prop("postcardText") : order.PostcardText, FromBitrix));
        events.AddRange(StatusAndPayment(options, order, data));
        stream.AppendMany([.. events]);
        return events.Count == 0 ? "unchanged" : details ? "updated" : "status_changed";
    }

    /// <summary>Status, paid flag and cancel flag as Bitrix reports them; unknown codes change nothing.</summary>
    private static object[] StatusAndPayment(BitrixOptions options, Order order, BitrixOrderData data)
    {
        var events = new List<object>();
        var before = order.Status;
        if (data.Paid == true) events.AddRange(OrderDecisions.ReportPaidFromOutside(order, FromBitrix, "bitrix"));
        foreach (var e in events.OfType<OrderPaid>()) order.Apply(e);

        // Compared with the status before this delivery's payment: "N" with PAYED=Y says paid, not "back to new".
        OrderStatus? reported = data.Cancelled == true ? OrderStatus.Cancelled : options.TryMap(data.StatusId, out var s) ? s : null;
        if (reported is { } status && status != before && status != order.Status && !(status == OrderStatus.Paid && order.IsPaid))
            events.AddRange(OrderDecisions.ReportStatusFromOutside(order, status, data.StatusId, FromBitrix));
        return [.. events];
    }
}
