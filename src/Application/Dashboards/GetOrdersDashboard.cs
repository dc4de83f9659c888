using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Application.Shops;
using Cvety.Domain.Orders;
using Marten;

namespace Cvety.Application.Dashboards;

/// <summary>The order board's header: today, this week and this month in the shop's time, by status, with revenue in tiyn and late orders.</summary>
public sealed record GetOrdersDashboard;

public sealed record PeriodFigures(int Orders, IReadOnlyDictionary<string, int> ByStatus, long Revenue, long AverageOrder);

public sealed record OrdersDashboard(PeriodFigures Today, PeriodFigures Week, PeriodFigures Month, int Late, int Open, IReadOnlyList<Guid> LateOrderIds);

public static class GetOrdersDashboardHandler
{
    public static async Task<OrdersDashboard> Handle(GetOrdersDashboard _, IQuerySession session, ICurrentUser currentUser, TimeProvider clock, CancellationToken ct)
    {
        currentUser.RequireStaff();
        var hours = (await ShopWithSettings.LoadAsync(session, Tenancy.ShopOf(session), ct)).Hours;
        var local = hours.Local(clock.GetUtcNow());
        var today = new DateTimeOffset(local.Date, hours.UtcOffset);
        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var monthStart = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, hours.UtcOffset);
        var from = weekStart < monthStart ? weekStart : monthStart;
        var since = from.ToUniversalTime(); // Npgsql writes timestamptz parameters in UTC only
        var rows = await session.Query<OrderDetails>().Where(o => o.CreatedAt >= since)
            .Select(o => new { o.CreatedAt, o.Status, o.Total }).ToListAsync(ct);

        PeriodFigures Figures(DateTimeOffset since)
        {
            var inPeriod = rows.Where(r => r.CreatedAt >= since).ToList();
            var kept = inPeriod.Where(r => r.Status != "cancelled").ToList();
            var revenue = kept.Sum(r => r.Total.Tiyn);
            return new PeriodFigures(inPeriod.Count, inPeriod.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()), revenue, kept.Count == 0 ? 0 : revenue / kept.Count);
        }

        // Late: to be delivered before today and still not delivered or cancelled.
        var day = DateOnly.FromDateTime(local.DateTime);
        string[] closed = [OrderStatus.Delivered.Name(), OrderStatus.Cancelled.Name()];
        var late = await session.Query<OrderDetails>().Where(o => o.DeliveryDate < day && !closed.Contains(o.Status)).Select(o => o.Id).ToListAsync(ct);
        var open = await session.Query<OrderDetails>().CountAsync(o => !closed.Contains(o.Status), ct);
        return new OrdersDashboard(Figures(today), Figures(weekStart), Figures(monthStart), late.Count, open, late.Take(50).ToList());
    }
}
