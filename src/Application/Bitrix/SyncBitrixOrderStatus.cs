using System.Text.Json.Nodes;
using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using FluentValidation;
using JasperFx.Events;
using Marten;
using Wolverine;

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

public static class SyncBitrixOrderStatusHandler
{
    // Not Wolverine's aggregate workflow: the delivery and the Bitrix link are read before the order is known (one round
    // trip), and an order-less status is kept for later.
    public static async Task<WebhookReply> Handle(SyncBitrixOrderStatus command, IDocumentSession session, BitrixOptions options,
        TimeProvider clock, CancellationToken ct)
    {
        var bitrixId = command.OrderId!.Value;
        var code = command.Status!.Trim();
        var linkKey = BitrixOrderLink.KeyOf(bitrixId);
        var lookups = session.CreateBatchQuery();
        var seen = lookups.Load<InboundDelivery>(command.DeliveryKey);
        var linked = lookups.Load<BitrixOrderLink>(linkKey);
        await lookups.Execute(ct);

        if (WebhookReply.Remembered(await seen) is { } again) return again;
        if (await linked is not { } link)
        {
            // Kept, not dropped: applied when Bitrix sends the order itself.
            session.Store(new PendingBitrixStatus(linkKey, code, command.Notes, clock.GetUtcNow()));
            return Skipped("Order not found", bitrixId);
        }
        if (!options.TryMap(code, out var reported)) return Skipped($"Unknown status: {code}", bitrixId);

        var stream = await OrderStreams.ForWritingAsync(session, link.OrderId, null, ct);
        var order = stream.Aggregate!;
        var old = order.Status;
        if (reported == old)
        {
            var unchanged = Skipped("Status unchanged", bitrixId);
            unchanged.Body["current_status"] = old.Name();
            return unchanged;
        }

        // Who in Bitrix did it is in each event's origin, and so in its metadata.
        var origin = new Origin(Sources.Bitrix, command.ChangedById is { } by ? $"bitrix-user:{by}" : Sources.Bitrix);
        var events = OrderDecisions.ReportStatusFromOutside(order, reported, code, origin);
        if (!string.IsNullOrWhiteSpace(command.Notes)) events = [.. events, new OrderNoteAdded(order.Id, command.Notes.Trim(), origin)];
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
        return reply.RememberAs(session, command.DeliveryKey, SyncBitrixOrderStatus.Source, clock.GetUtcNow());
    }

    private static WebhookReply Skipped(string reason, long bitrixId) =>
        WebhookReply.Ok(new() { ["status"] = "skipped", ["reason"] = reason, ["bitrix_order_id"] = bitrixId });
}
