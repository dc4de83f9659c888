using Cvety.Application.Common;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using Marten;

namespace Cvety.Application.Operations;

public sealed record ProjectionInfo(string Name, string Lifecycle);

public sealed record ProjectionProgressInfo(string ShardName, long Sequence);

/// <summary>
/// Counts of the event store. The SUPERADMIN sees the whole store (<see cref="ShopId"/> null) with the high-water
/// mark and each projection's progress; a DIRECTOR sees their own shop's events and streams only, since the rest is
/// other shops' activity.
/// </summary>
public sealed record ProjectionStatus(int? ShopId, long EventCount, long StreamCount, long? HighWaterMark, IReadOnlyList<ProjectionInfo> Projections, IReadOnlyList<ProjectionProgressInfo> Progress);

/// <summary>What operators need to see of the event store: counts, the high-water mark, and each projection's progress.</summary>
public sealed record GetProjectionStatus;

public static class GetProjectionStatusHandler
{
    public static async Task<ProjectionStatus> Handle(GetProjectionStatus _, IDocumentStore store, ICurrentUser currentUser, CancellationToken ct)
    {
        var actor = currentUser.Actor;
        if (!actor.May(Permission.SeeOperations))
            throw new ForbiddenException("Only directors and the superadmin see projection status.");

        var projections = store.Options.Events.Projections()
            .Select(p => new ProjectionInfo(p.Name, p.Lifecycle.ToString()))
            .ToList();

        if (!actor.IsSuperadmin)
        {
            var shop = actor.ShopId ?? throw new ForbiddenException("This account belongs to no shop.");
            // A session of the shop: conjoined tenancy filters the raw events to the shop's own.
            await using var session = store.QuerySession(Shop.TenantIdFor(shop));
            var events = await session.Events.QueryAllRawEvents().LongCountAsync(ct);
            var streams = await session.Events.QueryAllRawEvents().Where(e => e.Version == 1).LongCountAsync(ct);
            return new ProjectionStatus(shop, events, streams, null, projections, []);
        }

        var stats = await store.Advanced.FetchEventStoreStatistics(token: ct);
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        return new ProjectionStatus(null, stats.EventCount, stats.StreamCount, stats.EventSequenceNumber, projections,
            progress.Select(p => new ProjectionProgressInfo(p.ShardName, p.Sequence)).ToList());
    }
}
