using System.Text.Json.Nodes;
using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using FluentValidation;
using JasperFx.Events;
using Marten;
using Marten.Services.BatchQuerying;

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
            // An unknown code of any length is answered "skipped", as the reference says; only a missing one is refused.
            RuleFor(x => x.Status).NotEmpty();
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
    public static async Task<WebhookReply> Handle(
        SyncBitrixOrderStatus command, IDocumentSession session, BitrixOptions options, BitrixLinkCache links, TimeProvider clock, CancellationToken ct) =>
        (await DecideAsync([command], session, options, links, clock, ct))[0];

    public static async Task<SyncBitrixOrderStatuses.Replies> Handle(
        SyncBitrixOrderStatuses command, IDocumentSession session, BitrixOptions options, BitrixLinkCache links, TimeProvider clock, CancellationToken ct) =>
        new(await DecideAsync(command.Deliveries, session, options, links, clock, ct));

    private static async Task<IReadOnlyList<WebhookReply>> DecideAsync(
        IReadOnlyList<SyncBitrixOrderStatus> deliveries, IDocumentSession session, BitrixOptions options, BitrixLinkCache links, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var tenant = session.TenantId;
        var replies = new WebhookReply?[deliveries.Count];
        var keys = deliveries.Select(d => d.DeliveryKey).ToArray();
        var linkKeys = deliveries.Select(d => BitrixOrderLink.KeyOf(d.OrderId!.Value)).ToArray();
        var codes = deliveries.Select(d => d.Status!.Trim()).ToArray();
        var reported = new OrderStatus[deliveries.Count];
        var known = deliveries.Select((_, i) => options.TryMap(codes[i], out reported[i])).ToArray();

        // Which order each delivery is about. A link already known in memory needs no read, so its stream is opened
        // in the first round trip, with the deliveries seen before and the links not known yet.
        var orderOf = new Guid?[deliveries.Count];
        for (var i = 0; i < deliveries.Count; i++)
            if (links.TryGet(tenant, linkKeys[i], out var remembered)) orderOf[i] = remembered;
        var streams = new Task<IEventStream<Order>>?[deliveries.Count];

        var lookups = session.CreateBatchQuery();
        var seenLoad = lookups.LoadMany<InboundDelivery>().ById(keys);
        var unlinked = Enumerable.Range(0, deliveries.Count).Where(i => orderOf[i] is null).ToArray();
        var linkedLoad = unlinked.Length > 0 ? lookups.LoadMany<BitrixOrderLink>().ById(unlinked.Select(i => linkKeys[i]).ToArray()) : null;
        Open(lookups, Enumerable.Range(0, deliveries.Count).Where(i => orderOf[i] is not null && known[i]));
        await lookups.Execute(ct);
        var seen = (await seenLoad).ToDictionary(d => d.Id);

        // A remembered link whose stream is not there was remembered from a database that has since been emptied:
        // forgotten, and read again with one more round trip.
        var stale = new List<int>();
        for (var i = 0; i < deliveries.Count; i++)
        {
            if (streams[i] is not { } stream || (await stream).Aggregate is not null) continue;
            links.Forget(tenant, linkKeys[i]);
            (orderOf[i], streams[i]) = (null, null);
            stale.Add(i);
        }
        var read = linkedLoad is null ? [] : (await linkedLoad).ToList();
        if (stale.Count > 0) read.AddRange(await session.LoadManyAsync<BitrixOrderLink>(ct, stale.Select(i => linkKeys[i]).ToArray()));
        foreach (var link in read) links.Remember(tenant, link);
        var readLinks = read.ToDictionary(l => l.Id);
        var newlyLinked = new List<int>();
        foreach (var i in unlinked.Concat(stale))
        {
            if (!readLinks.TryGetValue(linkKeys[i], out var link)) continue;
            orderOf[i] = link.OrderId;
            if (known[i] && !seen.ContainsKey(keys[i])) newlyLinked.Add(i);
        }
        if (newlyLinked.Count > 0)
        {
            // The streams of the orders whose links were just read, in one more round trip.
            var opening = session.CreateBatchQuery();
            Open(opening, newlyLinked);
            await opening.Execute(ct);
        }

        // Every event here comes from Bitrix; who in Bitrix did it is in each event's origin.
        session.Stamp(new Origin(Sources.Bitrix, Sources.Bitrix));
        for (var i = 0; i < deliveries.Count; i++)
        {
            var bitrixId = deliveries[i].OrderId!.Value;
            if (WebhookReply.Remembered(seen.GetValueOrDefault(keys[i])) is { } again) replies[i] = again;
            else if (orderOf[i] is not { } orderId)
            {
                // Kept, not dropped: applied when Bitrix sends the order itself.
                session.Store(new PendingBitrixStatus(linkKeys[i], codes[i], deliveries[i].Notes, now));
                replies[i] = Skipped("Order not found", bitrixId);
            }
            else if (!known[i]) replies[i] = Skipped($"Unknown status: {codes[i]}", bitrixId);
            else
            {
                var stream = await streams[i]!;
                replies[i] = stream.Aggregate is { } order
                    ? Apply(deliveries[i], keys[i], codes[i], order, reported[i], stream, session, now)
                    : throw new NotFoundException("Order", orderId);
            }
        }
        return replies!;

        // The orders' streams, with the projected documents their new events will update: held in the session, they
        // are not read again when the inline projections run at commit.
        void Open(IBatchedQuery batch, IEnumerable<int> which)
        {
            var opened = which.ToArray();
            if (opened.Length == 0) return;
            session.UseIdentityMapFor<OrderDetails>();
            session.UseIdentityMapFor<OrderHistory>();
            foreach (var i in opened) streams[i] = batch.Events.FetchForWriting<Order>(orderOf[i]!.Value);
            var ids = opened.Select(i => orderOf[i]!.Value).Distinct().ToArray();
            _ = batch.LoadMany<OrderDetails>().ById(ids);
            _ = batch.LoadMany<OrderHistory>().ById(ids);
        }
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
