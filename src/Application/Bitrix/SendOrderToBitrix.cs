using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using Marten;
using Wolverine;
using Microsoft.Extensions.Logging;
using Wolverine.ErrorHandling;

namespace Cvety.Application.Bitrix;

/// <summary>
/// Outbound messages to Bitrix. They leave through Wolverine's durable outbox, committed with the events that caused
/// them, and only the use cases of our own people and payments publish them: nothing that came from Bitrix goes back.
/// </summary>
public sealed record CreateOrderInBitrix(Guid OrderId);

/// <summary>Tells Bitrix the order's current status (the latest, so that retries and reordering converge).</summary>
public sealed record ChangeStatusInBitrix(Guid OrderId);

/// <summary>
/// Records Bitrix's id on the order once Bitrix has created it. It is a message of its own, not the end of the create
/// handler, so that losing a version race to a concurrent change of the order (a status change, Bitrix's own echo)
/// retries this step alone: a retry never calls Bitrix a second time.
/// </summary>
public sealed record LinkOrderToBitrix(Guid OrderId, long BitrixOrderId, string? AccountNumber);

public static class CreateOrderInBitrixHandler
{
    /// <summary>Reads the order (a query session: this step writes nothing), calls Bitrix, and hands the link on.</summary>
    public static async Task<LinkOrderToBitrix?> Handle(CreateOrderInBitrix message, IQuerySession session, IBitrixClient bitrix, ILogger<CreateOrderInBitrix> logger, CancellationToken ct)
    {
        var order = await session.LoadAsync<OrderDetails>(message.OrderId, ct);
        if (order is null)
        {
            logger.LogWarning("Order {OrderId} to create in Bitrix does not exist in tenant {Tenant}", message.OrderId, session.TenantId);
            return null;
        }
        // Bitrix's echo may have linked it already: then there is nothing to create.
        if (order.BitrixOrderId is not null) return null;

        // Bitrix knows its products by its own ids: a line of a product synced from Bitrix goes with that id.
        var products = (await session.LoadManyAsync<Domain.Products.Product>(ct, order.Items.Select(i => i.ProductId).Distinct().ToArray())).ToDictionary(p => p.Id);
        int BitrixProductOf(int productId) => products.TryGetValue(productId, out var p) && p.BitrixId is { } b && b <= int.MaxValue ? (int)b : productId;

        // The order's id travels as Bitrix's external id: Bitrix answers a second create of it with the first order.
        var created = await bitrix.CreateOrderAsync(new BitrixOrderCreate(
            order.Id.ToString(), order.CustomerPhone, order.CustomerName, order.DeliveryType == DeliveryType.Pickup ? "Y" : "N",
            order.RecipientName, order.RecipientPhone, order.DeliveryAddress, order.DeliveryDate?.ToString("yyyy-MM-dd"),
            order.ScheduledTime, order.CityId, order.PostcardText, order.Notes, order.DeliveryCost.Tiyn,
            order.Items.Select(i => new BitrixOrderLine(BitrixProductOf(i.ProductId), i.Quantity, i.ProductPrice.Tiyn, i.ProductName)).ToList(),
            order.Total.Tiyn), ct);
        return new LinkOrderToBitrix(order.Id, created.OrderId, created.AccountNumber);
    }
}

public static class LinkOrderToBitrixHandler
{
    private static readonly Origin Sync = new(Sources.System, "bitrix-sync");

    /// <summary>
    /// Staff may be moving the order while Bitrix answers: a lost version race is retried a few times with a pause, more
    /// than the two immediate retries other handlers get, since this step must not end in the dead letters for that.
    /// </summary>
    public static void Configure(Wolverine.Runtime.Handlers.HandlerChain chain) =>
        chain.OnException<JasperFx.ConcurrencyException>()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250),
                TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

    public static object[] Handle(LinkOrderToBitrix message, [Wolverine.Marten.WriteAggregate(Required = false)] Order? order, IDocumentSession session)
    {
        var events = OrderDecisions.LinkToBitrix(order.OrFail(message.OrderId), message.BitrixOrderId, message.AccountNumber, Sync);
        if (events.Length == 0) return [];
        session.Insert(new BitrixOrderLink(BitrixOrderLink.KeyOf(message.BitrixOrderId), message.OrderId));
        return events;
    }
}

public static class ChangeStatusInBitrixHandler
{
    public static async Task Handle(ChangeStatusInBitrix message, IQuerySession session, IBitrixClient bitrix, CancellationToken ct)
    {
        var order = await session.LoadAsync<OrderDetails>(message.OrderId, ct);
        if (order is null) return;
        if (order.BitrixOrderId is not { } bitrixId) throw new BitrixOrderNotLinkedYetException(order.Id);
        OrderStatuses.TryParse(order.Status, out var status);
        await bitrix.ChangeStatusAsync(bitrixId, BitrixOptions.CodeFor(status), order.CancelReason, ct);
    }
}
