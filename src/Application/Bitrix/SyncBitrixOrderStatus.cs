using System.Text.Json.Nodes;
using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using FluentValidation;
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

public static class SyncBitrixOrderStatusHandler
{
    public static async Task<WebhookReply> Handle(SyncBitrixOrderStatus command, IDocumentSession session, BitrixOptions options, TimeProvider clock, CancellationToken ct)
    {
        var key = command.DeliveryKey;
        var bitrixId = command.OrderId!.Value;
        // Both lookups in one round trip: the delivery seen before (if any) and the order the Bitrix id belongs to.
        var batch = session.CreateBatchQuery();
        var seen = batch.Load<InboundDelivery>(key);
        var linked = batch.Load<BitrixOrderLink>(BitrixOrderLink.KeyOf(bitrixId));
        await batch.Execute(ct);
        if (WebhookReply.Remembered(await seen) is { } remembered) return remembered;

        var code = command.Status!.Trim();
        var link = await linked;
        if (link is null)
        {
            // Kept, not dropped: applied when Bitrix sends the order itself.
            session.Store(new PendingBitrixStatus(BitrixOrderLink.KeyOf(bitrixId), code, command.Notes, clock.GetUtcNow()));
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

        var origin = new Origin(Sources.Bitrix, command.ChangedById is { } by ? $"bitrix-user:{by}" : Sources.Bitrix);
        var events = OrderDecisions.ReportStatusFromOutside(order, reported, code, origin);
        if (!string.IsNullOrWhiteSpace(command.Notes)) events = [.. events, new OrderNoteAdded(order.Id, command.Notes.Trim(), origin)];
        session.Append(stream, origin, events);

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
        return reply.RememberAs(session, key, SyncBitrixOrderStatus.Source, clock.GetUtcNow());
    }

    private static WebhookReply Skipped(string reason, long bitrixId) =>
        WebhookReply.Ok(new() { ["status"] = "skipped", ["reason"] = reason, ["bitrix_order_id"] = bitrixId });
}
