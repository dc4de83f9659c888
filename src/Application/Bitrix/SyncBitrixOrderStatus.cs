using System.Text.Json.Nodes;
using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using FluentValidation;
using JasperFx.Events;
using Marten;

namespace Cvety.Application.Bitrix;

/// <summary>
/// Bitrix's <c>OnSaleStatusOrderChange</c> webhook: a status code for a Bitrix order id. Answers exactly as the
/// legacy receiver did (skipped: not found, unknown status, unchanged; success with old and new status).
/// </summary>
public sealed record SyncBitrixOrderStatus(long? OrderId, string? Status, long? ChangedById, string? Notes)
{
    public const string Source = "bitrix-status";

    public string DeliveryKey => InboundDelivery.KeyFor(Source, new JsonObject
    {
        ["order_id"] = OrderId, ["status"] = Status, ["changed_by_id"] = ChangedById, ["notes"] = Notes,
    });

    public sealed class Validator : AbstractValidator<SyncBitrixOrderStatus>
    {
        public Validator()
        {
            RuleFor(x => x.OrderId).NotNull().GreaterThan(0);
            RuleFor(x => x.Status).NotEmpty().MaximumLength(10);
            RuleFor(x => x.Notes).MaximumLength(2000);
        }
    }
}

/// <summary>
/// Several status deliveries decided and committed together (group commit): the same decisions as one by one,
/// with one round trip per step for all of them and one transaction. Each delivery is about a different Bitrix
/// order; the answers come back in the order of the deliveries. If the transaction fails, nothing of it stays,
/// and the sender of the batch can run the deliveries one by one.
/// </summary>
public sealed record SyncBitrixOrderStatuses(IReadOnlyList<SyncBitrixOrderStatus> Deliveries)
{
    /// <summary>The answers, one per delivery. A wrapper, not a bare list: Wolverine would take a returned list for cascading messages.</summary>
    public sealed record Replies(IReadOnlyList<WebhookReply> Each);

    public sealed class Validator : AbstractValidator<SyncBitrixOrderStatuses>
    {
        public Validator()
        {
            RuleFor(x => x.Deliveries).NotEmpty();
            RuleFor(x => x.Deliveries).Must(d => d.Select(x => x.OrderId).Distinct().Count() == d.Count)
                .WithMessage("Each delivery of a batch must be about a different Bitrix order.");
            RuleForEach(x => x.Deliveries).SetValidator(new SyncBitrixOrderStatus.Validator());
        }
    }
}

public static class SyncBitrixOrderStatusHandler
{
    public static async Task<WebhookReply> Handle(SyncBitrixOrderStatus command, IDocumentSession session, BitrixOptions options, TimeProvider clock, CancellationToken ct) =>
        (await DecideAsync([command], session, options, clock, ct))[0];

    public static async Task<SyncBitrixOrderStatuses.Replies> Handle(SyncBitrixOrderStatuses command, IDocumentSession session, BitrixOptions options, TimeProvider clock, CancellationToken ct) =>
        new(await DecideAsync(command.Deliveries, session, options, clock, ct));

    private static async Task<IReadOnlyList<WebhookReply>> DecideAsync(
        IReadOnlyList<SyncBitrixOrderStatus> deliveries, IDocumentSession session, BitrixOptions options, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var replies = new WebhookReply?[deliveries.Count];

        // The deliveries seen before and the orders the Bitrix ids belong to, in one round trip.
        var keys = deliveries.Select(d => d.DeliveryKey).ToArray();
        var linkKeys = deliveries.Select(d => BitrixOrderLink.KeyOf(d.OrderId!.Value)).ToArray();
        var lookups = session.CreateBatchQuery();
        var seenLoad = lookups.LoadMany<InboundDelivery>().ById(keys);
        var linkedLoad = lookups.LoadMany<BitrixOrderLink>().ById(linkKeys);
        await lookups.Execute(ct);
        var seen = (await seenLoad).ToDictionary(d => d.Id);
        var linked = (await linkedLoad).ToDictionary(l => l.Id);

        var toOpen = new List<(int Index, BitrixOrderLink Link, string Code, OrderStatus Reported)>();
        for (var i = 0; i < deliveries.Count; i++)
        {
            var delivery = deliveries[i];
            var bitrixId = delivery.OrderId!.Value;
            if (WebhookReply.Remembered(seen.GetValueOrDefault(keys[i])) is { } remembered)
            {
                replies[i] = remembered;
                continue;
            }
            var code = delivery.Status!.Trim();
            if (linked.GetValueOrDefault(linkKeys[i]) is not { } link)
            {
                // Kept, not dropped: applied when Bitrix sends the order itself.
                session.Store(new PendingBitrixStatus(linkKeys[i], code, delivery.Notes, now));
                replies[i] = Skipped("Order not found", bitrixId);
            }
            else if (!options.TryMap(code, out var reported)) replies[i] = Skipped($"Unknown status: {code}", bitrixId);
            else toOpen.Add((i, link, code, reported));
        }

        // The orders' streams, in one more round trip, with the projected documents their new events will update:
        // held in the session, they are not read again when the inline projections run at commit.
        session.UseIdentityMapFor<OrderDetails>();
        session.UseIdentityMapFor<OrderHistory>();
        var opening = session.CreateBatchQuery();
        var streams = toOpen.Select(o => opening.Events.FetchForWriting<Order>(o.Link.OrderId)).ToArray();
        var orderIds = toOpen.Select(o => o.Link.OrderId).Distinct().ToArray();
        _ = opening.LoadMany<OrderDetails>().ById(orderIds);
        _ = opening.LoadMany<OrderHistory>().ById(orderIds);
        if (toOpen.Count > 0) await opening.Execute(ct);

        // Every event here comes from Bitrix; who in Bitrix did it is in each event's origin.
        session.Stamp(new Origin(Sources.Bitrix, Sources.Bitrix));
        for (var j = 0; j < toOpen.Count; j++)
        {
            var (i, link, code, reported) = toOpen[j];
            var stream = await streams[j];
            replies[i] = stream.Aggregate is { } order
                ? Apply(deliveries[i], keys[i], code, order, reported, stream, session, now)
                : throw new NotFoundException("Order", link.OrderId);
        }
        return replies!;
    }

    private static WebhookReply Apply(
        SyncBitrixOrderStatus delivery, string key, string code, Order order, OrderStatus reported, IEventStream<Order> stream, IDocumentSession session, DateTimeOffset now)
    {
        var bitrixId = delivery.OrderId!.Value;
        var old = order.Status;
        if (reported == old)
        {
            var unchanged = Skipped("Status unchanged", bitrixId);
            unchanged.Body["current_status"] = old.Name();
            return unchanged;
        }

        var origin = new Origin(Sources.Bitrix, delivery.ChangedById is { } by ? $"bitrix-user:{by}" : Sources.Bitrix);
        var events = OrderDecisions.ReportStatusFromOutside(order, reported, code, origin);
        if (!string.IsNullOrWhiteSpace(delivery.Notes)) events = [.. events, new OrderNoteAdded(order.Id, delivery.Notes.Trim(), origin)];
        stream.AppendMany(events);

        var reply = events[0] is OrderStatusConflictRecorded
            ? WebhookReply.Ok(new()
            {
                ["status"] = "skipped", ["reason"] = $"Status {code} would move the order back from {old.Name()}; recorded for review",
                ["bitrix_order_id"] = bitrixId, ["current_status"] = old.Name(), ["conflict_recorded"] = true,
            })
            : WebhookReply.Ok(new()
            {
                ["status"] = "success", ["order_id"] = order.Id, ["railway_order_id"] = order.Id, ["bitrix_order_id"] = bitrixId,
                ["old_status"] = old.Name(), ["new_status"] = reported.Name(), ["history_recorded"] = true,
            });
        return reply.RememberAs(session, key, SyncBitrixOrderStatus.Source, now);
    }

    private static WebhookReply Skipped(string reason, long bitrixId) =>
        WebhookReply.Ok(new() { ["status"] = "skipped", ["reason"] = reason, ["bitrix_order_id"] = bitrixId });
}
