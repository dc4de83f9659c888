using System.Globalization;
using Cvety.Domain.Common;
using Cvety.Domain.Shops;
using FluentValidation;

namespace Cvety.Application.Shops;

/// <summary>Hours as people write them ("09:00"), for the settings routes' bodies and answers.</summary>
public static class HourText
{
    public static bool TryParse(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static string? Of(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static IRuleBuilderOptions<T, string?> MustBeHour<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(t => t is null || TryParse(t, out _)).WithMessage("'{PropertyName}' must be a time such as 09:00.");
}

/// <summary>One weekday's hours in a body: <c>{weekday: 1..7, opens: "09:00", closes: "21:00"}</c>, or <c>closed: true</c>.</summary>
public sealed record DayHoursInput(int Weekday, string? Opens, string? Closes, bool Closed = false)
{
    public DayHours ToDay() => Closed || Opens is null || Closes is null
        ? new DayHours(Weekday, null, null)
        : new DayHours(Weekday, Parse(Opens), Parse(Closes));

    internal static TimeOnly Parse(string text) => HourText.TryParse(text, out var t) ? t : default;

    public static DayHoursInput Of(DayHours day) => new(day.Weekday, HourText.Of(day.Opens), HourText.Of(day.Closes), !day.IsOpen);
}

/// <summary>A date that differs from the week (a holiday, or other hours).</summary>
public sealed record DateHoursInput(DateOnly Date, string? Opens, string? Closes, bool Closed = false, string? Note = null)
{
    public DateHours ToDate() => Closed || Opens is null || Closes is null
        ? new DateHours(Date, null, null, Note?.Trim())
        : new DateHours(Date, DayHoursInput.Parse(Opens), DayHoursInput.Parse(Closes), Note?.Trim());

    public static DateHoursInput Of(DateHours day) => new(day.Date, HourText.Of(day.Opens), HourText.Of(day.Closes), !day.IsOpen, day.Note);
}

/// <summary>
/// The week and its exceptions as the routes show them, with the shop's UTC offset ("+05:00"); beside them the legacy
/// settings' two groups of days (Monday to Friday, the weekend) as the admin SPA and the MCP server read them.
/// </summary>
public sealed record WorkingHoursView(IReadOnlyList<DayHoursInput> Week, IReadOnlyList<DateHoursInput> Exceptions, string UtcOffset)
{
    public static WorkingHoursView Of(WorkingHours hours) => new(
        hours.Week.OrderBy(d => d.Weekday).Select(DayHoursInput.Of).ToList(), hours.Exceptions.OrderBy(e => e.Date).Select(DateHoursInput.Of).ToList(),
        (hours.UtcOffset < TimeSpan.Zero ? "-" : "+") + hours.UtcOffset.ToString(@"hh\:mm", CultureInfo.InvariantCulture));

    [System.Text.Json.Serialization.JsonIgnore]
    public LegacyHours Legacy => LegacyHours.Of(new WorkingHours(Week.Select(d => d.ToDay()).ToList(), [], TimeSpan.Zero));

    public string WeekdayStart => Legacy.WeekdayStart;
    public string WeekdayEnd => Legacy.WeekdayEnd;
    public string WeekendStart => Legacy.WeekendStart;
    public string WeekendEnd => Legacy.WeekendEnd;
    public bool WeekdayClosed => Legacy.WeekdayClosed;
    public bool WeekendClosed => Legacy.WeekendClosed;
}

/// <summary>
/// The legacy settings' hours: one pair for Monday to Friday and one for the weekend (the first open day of each), in
/// the shop's time, "HH:MM"; a closed group keeps the legacy defaults (09:00-18:00, 10:00-17:00) and says it is closed.
/// </summary>
public sealed record LegacyHours(string WeekdayStart, string WeekdayEnd, string WeekendStart, string WeekendEnd, bool WeekdayClosed, bool WeekendClosed)
{
    public static readonly LegacyHours Closed = new("09:00", "18:00", "10:00", "17:00", true, true);

    public static LegacyHours Of(WorkingHours hours)
    {
        var weekday = hours.FirstOpen(weekend: false);
        var weekend = hours.FirstOpen(weekend: true);
        return new LegacyHours(
            HourText.Of(weekday?.Opens) ?? Closed.WeekdayStart, HourText.Of(weekday?.Closes) ?? Closed.WeekdayEnd,
            HourText.Of(weekend?.Opens) ?? Closed.WeekendStart, HourText.Of(weekend?.Closes) ?? Closed.WeekendEnd,
            weekday is null, weekend is null);
    }

    /// <summary>"09:00 - 18:00", or "Closed": the public settings' <c>weekday_hours</c> and <c>weekend_hours</c>.</summary>
    public string WeekdayHours => WeekdayClosed ? "Closed" : $"{WeekdayStart} - {WeekdayEnd}";
    public string WeekendHours => WeekendClosed ? "Closed" : $"{WeekendStart} - {WeekendEnd}";
}

/// <summary>A delivery zone as the routes show and take it: prices in tiyn.</summary>
public sealed record DeliveryZoneView(string Name, long Price, long? FreeFrom)
{
    public static DeliveryZoneView Of(DeliveryZone zone) => new(zone.Name, zone.Price.Tiyn, zone.FreeFrom?.Tiyn);

    public DeliveryZone ToZone() => new(Name.Trim(), new Money(Price), FreeFrom is { } free ? new Money(free) : null);
}

/// <summary>
/// Delivery as the routes show it, in tiyn; <c>delivery_cost</c> and <c>free_delivery_amount</c> are the first zone's, as
/// the legacy settings (one price for the whole city) had them.
/// </summary>
public sealed record DeliverySettingsView(IReadOnlyList<DeliveryZoneView> Zones, long ExpressSurcharge, string SameDayCutoff, int SlotMinutes,
    bool PickupAvailable = true, bool DeliveryAvailable = true)
{
    public static DeliverySettingsView Of(DeliverySettings delivery) =>
        new(delivery.Zones.Select(DeliveryZoneView.Of).ToList(), delivery.ExpressSurcharge.Tiyn, HourText.Of(delivery.SameDayCutoff)!, delivery.SlotMinutes,
            delivery.PickupAvailable, delivery.DeliveryAvailable);

    public long DeliveryCost => Zones.Count > 0 ? Zones[0].Price : 0;
    public long FreeDeliveryAmount => Zones.Count > 0 ? Zones[0].FreeFrom ?? 0 : 0;
}
