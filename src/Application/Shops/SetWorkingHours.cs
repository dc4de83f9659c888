using System.Globalization;
using Cvety.Application.Common;
using Cvety.Domain.Shops;
using FluentValidation;
using Marten;

namespace Cvety.Application.Shops;

/// <summary>
/// A DIRECTOR or MANAGER sets the week's hours, days off and holiday exceptions, in the shop's UTC offset. The legacy
/// settings screen sends two groups instead of a week (<c>weekday_start</c> ... <c>weekend_end</c>, <c>*_closed</c>):
/// Monday to Friday and the weekend; a group it leaves out keeps its days, the exceptions stay.
/// </summary>
public sealed record SetWorkingHours(int ShopId, IReadOnlyList<DayHoursInput>? Week, IReadOnlyList<DateHoursInput>? Exceptions, string? UtcOffset,
    string? WeekdayStart = null, string? WeekdayEnd = null, string? WeekendStart = null, string? WeekendEnd = null, bool? WeekdayClosed = null, bool? WeekendClosed = null)
{
    /// <summary>The legacy body: no week, and at least one of the groups' fields.</summary>
    public bool IsLegacy => Week is null && (WeekdayStart ?? WeekdayEnd ?? WeekendStart ?? WeekendEnd) is not null || Week is null && (WeekdayClosed ?? WeekendClosed) is not null;

    public sealed class Validator : AbstractValidator<SetWorkingHours>
    {
        public Validator()
        {
            RuleFor(x => x.WeekdayStart).MustBeHour().WithMessage("Invalid weekday_start format. Use HH:MM");
            RuleFor(x => x.WeekdayEnd).MustBeHour().WithMessage("Invalid weekday_end format. Use HH:MM");
            RuleFor(x => x.WeekendStart).MustBeHour().WithMessage("Invalid weekend_start format. Use HH:MM");
            RuleFor(x => x.WeekendEnd).MustBeHour().WithMessage("Invalid weekend_end format. Use HH:MM");
            RuleFor(x => x.WeekdayEnd).Must((x, end) => Before(x.WeekdayStart, end)).When(x => x.WeekdayClosed != true)
                .WithMessage("'weekday_end' must be after 'weekday_start'.");
            RuleFor(x => x.WeekendEnd).Must((x, end) => Before(x.WeekendStart, end)).When(x => x.WeekendClosed != true)
                .WithMessage("'weekend_end' must be after 'weekend_start'.");
            RuleFor(x => x.Week).NotNull().When(x => !x.IsLegacy).Must(w => w is null || (w.Count <= 7 && w.Select(d => d.Weekday).Distinct().Count() == w.Count))
                .WithMessage("'week' holds each weekday (1 = Monday ... 7 = Sunday) at most once.");
            RuleForEach(x => x.Week).ChildRules(day =>
            {
                day.RuleFor(d => d.Weekday).InclusiveBetween(1, 7);
                day.RuleFor(d => d.Opens).MustBeHour();
                day.RuleFor(d => d.Closes).MustBeHour();
                day.RuleFor(d => d).Must(d => d.Closed || (HourText.TryParse(d.Opens, out var o) && HourText.TryParse(d.Closes, out var c) && c > o))
                    .WithMessage("An open day needs 'opens' before 'closes'.").OverridePropertyName("closes");
            });
            RuleFor(x => x.Exceptions).Must(e => e is null || e.Count <= 366).WithMessage("'exceptions' holds at most 366 dates.");
            RuleForEach(x => x.Exceptions).ChildRules(day =>
            {
                day.RuleFor(d => d.Opens).MustBeHour();
                day.RuleFor(d => d.Closes).MustBeHour();
                day.RuleFor(d => d.Note).MaximumLength(200);
                day.RuleFor(d => d).Must(d => d.Closed || (HourText.TryParse(d.Opens, out var o) && HourText.TryParse(d.Closes, out var c) && c > o))
                    .WithMessage("An open date needs 'opens' before 'closes'.").OverridePropertyName("closes");
            });
            RuleFor(x => x.UtcOffset).Must(o => o is null || TryOffset(o, out _)).WithMessage("'utc_offset' must look like +05:00.");
        }
    }

    private static bool Before(string? start, string? end) =>
        start is null || end is null || !HourText.TryParse(start, out var s) || !HourText.TryParse(end, out var e) || e > s;

    public static bool TryOffset(string text, out TimeSpan offset)
    {
        offset = default;
        var t = text.Trim();
        if (t.Length < 2 || (t[0] != '+' && t[0] != '-')) return false;
        if (!TimeSpan.TryParseExact(t[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var value) || value > TimeSpan.FromHours(14)) return false;
        offset = t[0] == '-' ? -value : value;
        return true;
    }
}

public static class SetWorkingHoursHandler
{
    // The session: a shop's stream is named by its integer id (see ShopStreams).
    public static async Task Handle(SetWorkingHours command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = currentUser.RequireShopEditor(command.ShopId);
        var current = await ShopWithSettings.LoadAsync(session, command.ShopId, ct);
        IReadOnlyList<DayHours> week;
        if (command.IsLegacy)
            week = current.Hours.WithGroups(
                Group(command.WeekdayStart, command.WeekdayEnd, command.WeekdayClosed, current.Hours.FirstOpen(weekend: false)),
                Group(command.WeekendStart, command.WeekendEnd, command.WeekendClosed, current.Hours.FirstOpen(weekend: true)));
        else
        {
            var days = command.Week!.Select(d => d.ToDay()).ToDictionary(d => d.Weekday);
            // A weekday the body leaves out is a day off.
            week = Enumerable.Range(1, 7).Select(d => days.GetValueOrDefault(d) ?? new DayHours(d, null, null)).ToList();
        }
        var offset = command.UtcOffset is { } text && SetWorkingHours.TryOffset(text, out var o) ? o : current.Hours.UtcOffset;
        var exceptions = command.Exceptions?.Select(e => e.ToDate()).ToList() ?? (command.IsLegacy ? current.Hours.Exceptions : []);
        var hours = new WorkingHours(week, exceptions, offset);
        session.Append(current.Shop, ShopDecisions.SetHours(current.Shop, hours, origin));
    }

    /// <summary>A legacy group's new hours: closed, or the times given over the group's current ones; null when the body does not touch it.</summary>
    private static (TimeOnly? Opens, TimeOnly? Closes)? Group(string? start, string? end, bool? closed, DayHours? current)
    {
        if (closed == true) return (null, null);
        if (start is null && end is null && closed is null) return null;
        var opens = start is not null && HourText.TryParse(start, out var s) ? s : current?.Opens ?? new TimeOnly(9, 0);
        var closes = end is not null && HourText.TryParse(end, out var e) ? e : current?.Closes ?? new TimeOnly(18, 0);
        return (opens, closes);
    }
}
