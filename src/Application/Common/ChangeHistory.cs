using Cvety.Domain.Common;
using JasperFx.Events;

namespace Cvety.Application.Common;

/// <summary>One change of a record (a product, a client, a shop's settings) as an auditor reads it: what, when, who, from where.</summary>
public sealed record HistoryEntry(long Version, string Event, DateTimeOffset At, string Source, string Actor, string? Role, object Data);

public static class ChangeHistory
{
    /// <summary>A stream's events as history entries, each saying who made it through its <see cref="Origin"/>.</summary>
    public static IReadOnlyList<HistoryEntry> Of(IEnumerable<IEvent> events, Func<object, Origin?> by) =>
        events.Select(e => (Event: e, By: by(e.Data)))
            .Select(x => new HistoryEntry(x.Event.Version, x.Event.EventTypeName, x.Event.Timestamp,
                x.By?.Source ?? Sources.System, x.By?.Actor ?? x.Event.UserName ?? Sources.System, x.By?.Role, x.Event.Data))
            .ToList();
}
