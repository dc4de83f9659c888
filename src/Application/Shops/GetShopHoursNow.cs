using Marten;

namespace Cvety.Application.Shops;

/// <summary>Whether the shop is open right now, in its own time: <c>{is_open, opens_at, closes_at}</c> of today.</summary>
public sealed record GetShopHoursNow(int ShopId);

public sealed record ShopHoursNow(bool IsOpen, string? OpensAt, string? ClosesAt, DateTimeOffset LocalTime, string? NextOpening);

public static class GetShopHoursNowHandler
{
    public static async Task<ShopHoursNow> Handle(GetShopHoursNow query, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var settings = await ShopWithSettings.LoadAsync(session, query.ShopId, ct);
        var now = settings.Hours.Local(clock.GetUtcNow());
        var today = DateOnly.FromDateTime(now.DateTime);
        var time = TimeOnly.FromDateTime(now.DateTime);
        var hours = settings.Hours.On(today);
        var open = hours is var (o, c) && time >= o && time < c;
        string? next = null;
        if (!open)
            for (var d = 0; d <= 14 && next is null; d++)
            {
                var date = today.AddDays(d);
                if (settings.Hours.On(date) is var (opens, _) && (d > 0 || time < opens))
                    next = date.ToDateTime(opens).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
            }
        return new ShopHoursNow(open, HourText.Of(hours?.Opens), HourText.Of(hours?.Closes), now, next);
    }
}
