using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using FluentValidation;
using Marten;

namespace Cvety.Application.Platform;

/// <summary>The platform at a glance: shops, users, and orders with revenue (tiyn) by status over a period.</summary>
public sealed record GetPlatformStats(string? Period = "month")
{
    public static readonly string[] Periods = ["today", "week", "month", "year", "all"];

    public sealed class Validator : AbstractValidator<GetPlatformStats>
    {
        public Validator() => RuleFor(x => x.Period).Must(p => p is null || Periods.Contains(p))
            .WithMessage("'period' must be one of " + string.Join(", ", Periods) + ".");
    }
}

public sealed record StatusFigures(int Orders, long Revenue);

/// <summary>
/// The platform's figures over the period; <c>shops</c>, <c>users</c>, <c>orders</c>, <c>products</c> and
/// <c>timestamp</c> are the legacy answer's all-time totals the admin SPA's platform page reads.
/// </summary>
public sealed record PlatformStats(string Period, DateTimeOffset? Since, int ShopsTotal, int ShopsActive, int ShopsBlocked,
    int UsersTotal, IReadOnlyDictionary<string, int> UsersByRole, int OrdersTotal, long Revenue, IReadOnlyDictionary<string, StatusFigures> ByStatus)
{
    public LegacyCount Shops => new(ShopsTotal, ShopsActive, ShopsBlocked);
    public LegacyUsers Users { get; init; } = new(0, 0, 0, new Dictionary<string, int>());
    public LegacyTotal Orders { get; init; } = new(0);
    public LegacyTotal Products { get; init; } = new(0);
    public DateTimeOffset Timestamp { get; init; }
}

public sealed record LegacyCount(int Total, int Active, int Blocked);

public sealed record LegacyUsers(int Total, int Active, int Blocked, IReadOnlyDictionary<string, int> ByRole);

public sealed record LegacyTotal(int Total);

public static class GetPlatformStatsHandler
{
    public static async Task<PlatformStats> Handle(GetPlatformStats query, IQuerySession session, ICurrentUser currentUser, TimeProvider clock, CancellationToken ct)
    {
        Superadmin.Require(currentUser);
        var period = query.Period ?? "month";
        var now = clock.GetUtcNow();
        DateTimeOffset? since = period switch
        {
            "today" => new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero),
            "week" => now.AddDays(-7),
            "month" => now.AddDays(-30),
            "year" => now.AddDays(-365),
            _ => null,
        };
        var shops = await session.Query<Shop>().Select(s => s.IsBlocked).ToListAsync(ct);
        var users = await session.Query<User>().Where(u => u.IsActive).Select(u => u.Role).ToListAsync(ct);
        var orders = session.Query<OrderDetails>().Where(o => o.AnyTenant());
        if (since is { } from) orders = orders.Where(o => o.CreatedAt >= from);
        var rows = await orders.Select(o => new { o.Status, o.Total }).ToListAsync(ct);
        var byStatus = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => new StatusFigures(g.Count(), g.Sum(r => r.Total.Tiyn)));
        var revenue = rows.Where(r => r.Status != "cancelled").Sum(r => r.Total.Tiyn);
        var everyone = await session.Query<User>().Select(u => new { u.IsActive, u.IsBlocked }).ToListAsync(ct);
        var allOrders = await session.Query<OrderDetails>().Where(o => o.AnyTenant()).CountAsync(ct);
        var products = await session.Query<Domain.Products.Product>().Where(p => p.AnyTenant() && !p.Archived).CountAsync(ct);
        var byRole = users.GroupBy(r => r.Name()).ToDictionary(g => g.Key, g => g.Count());
        return new PlatformStats(period, since, shops.Count, shops.Count(b => !b), shops.Count(b => b),
            users.Count, byRole, rows.Count, revenue, byStatus)
        {
            Users = new LegacyUsers(everyone.Count, everyone.Count(u => u.IsActive && !u.IsBlocked), everyone.Count(u => u.IsBlocked), byRole),
            Orders = new LegacyTotal(allOrders),
            Products = new LegacyTotal(products),
            Timestamp = now,
        };
    }
}
