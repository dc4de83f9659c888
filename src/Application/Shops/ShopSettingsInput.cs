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

/// <summary>The week and its exceptions as the routes show them, with the shop's UTC offset ("+05:00").</summary>
public sealed record WorkingHoursView(IReadOnlyList<DayHoursInput> Week, IReadOnlyList<DateHoursInput> Exceptions, string UtcOffset)
{
    public static WorkingHoursView Of(WorkingHours hours) => new(
        hours.Week.OrderBy(d => d.Weekday).Select(DayHoursInput.Of).ToList(), hours.Exceptions.OrderBy(e => e.Date).Select(DateHoursInput.Of).ToList(),
        (hours.UtcOffset < TimeSpan.Zero ? "-" : "+") + hours.UtcOffset.ToString(@"hh\:mm", CultureInfo.InvariantCulture));
}

/// <summary>A delivery zone as the routes show and take it: prices in tiyn.</summary>
public sealed record DeliveryZoneView(string Name, long Price, long? FreeFrom)
{
    public static DeliveryZoneView Of(DeliveryZone zone) => new(zone.Name, zone.Price.Tiyn, zone.FreeFrom?.Tiyn);

    public DeliveryZone ToZone() => new(Name.Trim(), new Money(Price), FreeFrom is { } free ? new Money(free) : null);
}

public sealed record DeliverySettingsView(IReadOnlyList<DeliveryZoneView> Zones, long ExpressSurcharge, string SameDayCutoff, int SlotMinutes)
{
    public static DeliverySettingsView Of(DeliverySettings delivery) =>
        new(delivery.Zones.Select(DeliveryZoneView.Of).ToList(), delivery.ExpressSurcharge.Tiyn, HourText.Of(delivery.SameDayCutoff)!, delivery.SlotMinutes);
}
