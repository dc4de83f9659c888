using Cvety.Domain.Common;

namespace Cvety.Domain.Shops;

/// <summary>What the shop tells its customers about itself (the shop SPA's header, the bot's greeting).</summary>
public sealed record ShopProfile(
    string? Description = null,
    string? Address = null,
    string? Phone = null,
    string? Instagram = null,
    string? WhatsApp = null,
    string Currency = "KZT",
    long MinimumOrder = 0,
    string? WelcomeText = null,
    IReadOnlyList<string>? PickupPoints = null);

/// <summary>Opening hours of one weekday (1 = Monday ... 7 = Sunday); no hours is a day off.</summary>
public sealed record DayHours(int Weekday, TimeOnly? Opens, TimeOnly? Closes)
{
    public bool IsOpen => Opens is not null && Closes is not null && Closes > Opens;
}

/// <summary>A date that differs from the week: a holiday (closed) or shorter or longer hours.</summary>
public sealed record DateHours(DateOnly Date, TimeOnly? Opens, TimeOnly? Closes, string? Note = null)
{
    public bool IsOpen => Opens is not null && Closes is not null && Closes > Opens;
}

/// <summary>The week, its exceptions, and the shop's offset from UTC (Kazakhstan: +05:00).</summary>
public sealed record WorkingHours(IReadOnlyList<DayHours> Week, IReadOnlyList<DateHours> Exceptions, TimeSpan UtcOffset)
{
    public static readonly TimeSpan KazakhstanOffset = TimeSpan.FromHours(5);

    /// <summary>Every day 09:00-21:00, Kazakhstan time: what a shop has before it says otherwise.</summary>
    public static readonly WorkingHours Default = new(
        Enumerable.Range(1, 7).Select(d => new DayHours(d, new TimeOnly(9, 0), new TimeOnly(21, 0))).ToList(), [], KazakhstanOffset);

    /// <summary>The hours of a date: its exception if it has one, else its weekday's.</summary>
    public (TimeOnly Opens, TimeOnly Closes)? On(DateOnly date)
    {
        if (Exceptions.FirstOrDefault(e => e.Date == date) is { } exception)
            return exception.IsOpen ? (exception.Opens!.Value, exception.Closes!.Value) : null;
        var weekday = date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;
        return Week.FirstOrDefault(d => d.Weekday == weekday) is { IsOpen: true } day ? (day.Opens!.Value, day.Closes!.Value) : null;
    }

    public DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(UtcOffset);

    /// <summary>The hours of the first open day of a group (Monday to Friday, or the weekend), as the legacy settings had them; null when the whole group is closed.</summary>
    public DayHours? FirstOpen(bool weekend) =>
        Week.Where(d => (d.Weekday >= 6) == weekend && d.IsOpen).OrderBy(d => d.Weekday).FirstOrDefault();

    /// <summary>
    /// The legacy settings' two groups of days: <paramref name="weekdays"/> for Monday to Friday, <paramref name="weekend"/>
    /// for Saturday and Sunday; a group given as null keeps its days as they are, (null, null) hours close it.
    /// </summary>
    public IReadOnlyList<DayHours> WithGroups((TimeOnly? Opens, TimeOnly? Closes)? weekdays, (TimeOnly? Opens, TimeOnly? Closes)? weekend) =>
        Enumerable.Range(1, 7).Select(d =>
        {
            var group = d >= 6 ? weekend : weekdays;
            return group is { } hours ? new DayHours(d, hours.Opens, hours.Closes) : Week.FirstOrDefault(x => x.Weekday == d) ?? new DayHours(d, null, null);
        }).ToList();
}

/// <summary>A delivery zone with its price, and the order total from which delivery there is free.</summary>
public sealed record DeliveryZone(string Name, Money Price, Money? FreeFrom = null);

/// <summary>
/// How the shop delivers: zones, the express surcharge, the time of day after which same-day delivery is no longer
/// taken, the length of a delivery slot, and whether customers may pick up and have it delivered at all (one of the
/// two always).
/// </summary>
public sealed record DeliverySettings(IReadOnlyList<DeliveryZone> Zones, Money ExpressSurcharge, TimeOnly SameDayCutoff, int SlotMinutes,
    bool PickupAvailable = true, bool DeliveryAvailable = true)
{
    public static DeliverySettings DefaultFor(Money deliveryFee) =>
        new([new DeliveryZone("Город", deliveryFee)], Money.Zero, new TimeOnly(18, 0), 120);

    /// <summary>The delivery cost of an order of <paramref name="total"/> to a zone (the first one unless named); free from its threshold.</summary>
    public Money CostFor(Money total, string? zone = null, bool express = false)
    {
        var chosen = (zone is null ? null : Zones.FirstOrDefault(z => string.Equals(z.Name, zone, StringComparison.OrdinalIgnoreCase)))
            ?? Zones.FirstOrDefault()
            ?? throw new DomainException("The shop has no delivery zones.");
        var cost = chosen.FreeFrom is { } free && total >= free ? Money.Zero : chosen.Price;
        return express ? cost + ExpressSurcharge : cost;
    }
}

public sealed record ShopProfileChanged(int ShopId, ShopProfile Profile, Origin By) : IShopEvent;

/// <summary>The shop's name or city as its staff changed them (the legacy settings screen edits both).</summary>
public sealed record ShopRenamed(int ShopId, string Name, string City, Origin By) : IShopEvent;

public sealed record WorkingHoursSet(int ShopId, WorkingHours Hours, Origin By) : IShopEvent;

public sealed record DeliverySettingsSet(int ShopId, DeliverySettings Delivery, Origin By) : IShopEvent;

/// <summary>One delivery slot of a day, and whether it can still be chosen.</summary>
public sealed record DeliverySlot(TimeOnly Start, TimeOnly End, bool Available, string? Reason)
{
    public string Label => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}

/// <summary>Pure rules of delivery planning in the shop's local time.</summary>
public static class DeliveryPlanning
{
    /// <summary>
    /// The day's slots from its hours and the slot length. Past days, closed days: none. Today: a slot that has
    /// started is gone, and after the same-day cut-off nothing more is taken for today.
    /// </summary>
    public static IReadOnlyList<DeliverySlot> Slots(DateOnly date, WorkingHours hours, DeliverySettings delivery, DateTimeOffset now)
    {
        var local = hours.Local(now);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (date < today || hours.On(date) is not var (opens, closes)) return [];
        var slots = new List<DeliverySlot>();
        var length = TimeSpan.FromMinutes(Math.Max(30, delivery.SlotMinutes));
        var time = TimeOnly.FromDateTime(local.DateTime);
        for (var start = opens; start.Add(length) <= closes && start.Add(length) > start; start = start.Add(length))
        {
            string? reason = null;
            if (date == today && time >= delivery.SameDayCutoff) reason = "После времени приёма заказов на сегодня";
            else if (date == today && time >= start) reason = "Время уже прошло";
            slots.Add(new DeliverySlot(start, start.Add(length), reason is null, reason));
        }
        return slots;
    }

    /// <summary>Why a delivery on <paramref name="date"/> cannot be taken, or null when it can.</summary>
    public static string? Infeasibility(DateOnly date, WorkingHours hours, DeliverySettings delivery, DateTimeOffset now, int manufacturingHours = 0)
    {
        var local = hours.Local(now);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (date < today) return "Дата уже прошла";
        if (hours.On(date) is null) return "Магазин в этот день не работает";
        if (date == today && TimeOnly.FromDateTime(local.DateTime) >= delivery.SameDayCutoff) return "Заказы на сегодня уже не принимаются";
        if (manufacturingHours > 0 && hours.On(date) is var (_, closes)
            && new DateTimeOffset(date.ToDateTime(closes), hours.UtcOffset) < local.AddHours(manufacturingHours))
            return $"Букет готовится {manufacturingHours} ч и не успеет к этой дате";
        if (Slots(date, hours, delivery, now).All(s => !s.Available)) return "На эту дату не осталось свободных интервалов";
        return null;
    }
}
