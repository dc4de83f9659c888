using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Orders;
using Cvety.Domain.Users;
using Marten;

namespace Cvety.Application.Users;

/// <summary>The team's month: orders each person was responsible for or delivered, since the first of the month (UTC).</summary>
public sealed record GetTeamStats;

public sealed record MemberStats(Guid UserId, string Name, string Role, int OrdersResponsible, int OrdersDelivering, int OrdersDelivered);

public sealed record TeamStats(DateTimeOffset Since, int TeamSize, IReadOnlyDictionary<string, int> MembersByRole, IReadOnlyList<MemberStats> Members);

public static class GetTeamStatsHandler
{
    public static async Task<TeamStats> Handle(GetTeamStats _, IQuerySession session, ICurrentUser currentUser, TimeProvider clock, CancellationToken ct)
    {
        currentUser.RequireStaff();
        var shop = Tenancy.ShopOf(session);
        var now = clock.GetUtcNow();
        var since = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var team = await session.Query<User>().Where(u => u.ShopId == shop && u.IsActive).OrderBy(u => u.Name).ToListAsync(ct);
        var orders = await session.Query<OrderDetails>().Where(o => o.CreatedAt >= since && (o.ResponsibleId != null || o.CourierId != null))
            .Select(o => new { o.ResponsibleId, o.CourierId, o.Status }).ToListAsync(ct);
        var delivered = OrderStatus.Delivered.Name();
        var members = team.Select(u => new MemberStats(u.Id, u.Name, u.Role.Name(),
            orders.Count(o => o.ResponsibleId == u.Id),
            orders.Count(o => o.CourierId == u.Id),
            orders.Count(o => o.CourierId == u.Id && o.Status == delivered))).ToList();
        return new TeamStats(since, team.Count, team.GroupBy(u => u.Role.Name()).ToDictionary(g => g.Key, g => g.Count()), members);
    }
}
