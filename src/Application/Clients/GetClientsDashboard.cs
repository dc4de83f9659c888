using Cvety.Application.Common;
using Cvety.Application.Orders;
using Marten;

namespace Cvety.Application.Clients;

/// <summary>The clients screen's header: how many, new this month (UTC), the share who ordered again, and the best.</summary>
public sealed record GetClientsDashboard;

public sealed record TopClient(Guid Id, string? Name, string Phone, int OrdersCount, long OrdersTotal);

public sealed record ClientsDashboard(int TotalClients, int NewThisMonth, int WithOrders, int Repeat, double RepeatRate, IReadOnlyList<TopClient> TopClients);

public static class GetClientsDashboardHandler
{
    public static async Task<ClientsDashboard> Handle(GetClientsDashboard _, IQuerySession session, ICurrentUser currentUser, TimeProvider clock, CancellationToken ct)
    {
        currentUser.RequireStaff();
        var now = clock.GetUtcNow();
        var month = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var rows = await session.Query<ClientCard>().Select(c => new { c.Id, c.Name, c.Phone, c.OrdersCount, c.OrdersTotal, c.CreatedAt }).ToListAsync(ct);
        var withOrders = rows.Count(r => r.OrdersCount > 0);
        var repeat = rows.Count(r => r.OrdersCount > 1);
        var top = rows.OrderByDescending(r => r.OrdersTotal).ThenByDescending(r => r.OrdersCount).Take(10)
            .Where(r => r.OrdersCount > 0).Select(r => new TopClient(r.Id, r.Name, r.Phone, r.OrdersCount, r.OrdersTotal)).ToList();
        return new ClientsDashboard(rows.Count, rows.Count(r => r.CreatedAt >= month), withOrders, repeat,
            withOrders == 0 ? 0 : Math.Round((double)repeat / withOrders, 3), top);
    }
}
