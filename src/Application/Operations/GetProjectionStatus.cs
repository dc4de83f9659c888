using Cvety.Application.Common;
using Cvety.Domain.Users;
using Marten;

namespace Cvety.Application.Operations;

public sealed record ProjectionInfo(string Name, string Lifecycle);

public sealed record ProjectionProgressInfo(string ShardName, long Sequence);

public sealed record ProjectionStatus(long EventCount, long StreamCount, long HighWaterMark, IReadOnlyList<ProjectionInfo> Projections, IReadOnlyList<ProjectionProgressInfo> Progress);

/// <summary>What operators need to see of the event store: counts, the high-water mark, and each projection's progress.</summary>
public sealed record GetProjectionStatus;

public static class GetProjectionStatusHandler
{
    public static async Task<ProjectionStatus> Handle(GetProjectionStatus _, IDocumentStore store, ICurrentUser currentUser, CancellationToken ct)
    {
        if (currentUser.Actor.Role is not (UserRole.Director or UserRole.Superadmin))
            throw new ForbiddenException("Only directors and the superadmin see projection status.");

        var stats = await store.Advanced.FetchEventStoreStatistics(token: ct);
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        var projections = store.Options.Events.Projections()
            .Select(p => new ProjectionInfo(p.Name, p.Lifecycle.ToString()))
            .ToList();
        return new ProjectionStatus(stats.EventCount, stats.StreamCount, stats.EventSequenceNumber, projections,
            progress.Select(p => new ProjectionProgressInfo(p.ShardName, p.Sequence)).ToList());
    }
}
