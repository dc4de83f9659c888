using Cvety.Application.Common;
using Cvety.Domain.Orders;
using Marten;

namespace Cvety.Application.Orders;

/// <summary>One event of an order as an auditor reads it.</summary>
public sealed record TimelineEntry(
    long Sequence, long Version, string Type, DateTimeOffset Timestamp, string Actor, string? Role, string Source,
    string? Reason, string? CorrelationId, string? CausationId, object Data);

/// <summary>Every event of the order, in order: who did what, when, why and from which system.</summary>
public sealed record GetOrderTimeline(Guid OrderId);

public static class GetOrderTimelineHandler
{
    public static async Task<IReadOnlyList<TimelineEntry>> Handle(GetOrderTimeline query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        currentUser.RequireStaff();
        var events = await session.Events.FetchStreamAsync(query.OrderId, token: ct);
        if (events.Count == 0) throw new NotFoundException("Order", query.OrderId);
        return events.Select(e =>
        {
            var by = (e.Data as IOrderEvent)?.By;
            return new TimelineEntry(e.Sequence, e.Version, e.EventTypeName, e.Timestamp,
                by?.Actor ?? e.UserName ?? "system", by?.Role, by?.Source ?? "system", ReasonOf(e.Data),
                e.CorrelationId, e.CausationId, e.Data);
        }).ToList();
    }

    private static string? ReasonOf(object data) => data switch
    {
        OrderCancelled c => c.Reason,
        OrderStateTakenOver t => t.Note,
        OrderPersonalDataErased x => x.Reason ?? "The client asked to be forgotten",
        OrderRefunded r => r.Reason,
        OrderPaid p => p.Note,
        OrderAccepted a => a.Note,
        OrderAssembled a => a.Note,
        OrderOutForDelivery o => o.Note,
        OrderDelivered d => d.Note,
        DeliveryCostChanged c => c.Reason,
        OrderStatusConflictRecorded c => c.ReportedCode is null ? "Reported status would move the order backwards" : $"Reported status code {c.ReportedCode} would move the order backwards",
        _ => null,
    };
}
