using System.Globalization;
using Cvety.Application.Common;
using Cvety.Domain.Shops;
using FluentValidation;
using Marten;

namespace Cvety.Application.Shops;

/// <summary>A DIRECTOR or MANAGER sets the week's hours, days off and holiday exceptions, in the shop's UTC offset.</summary>
public sealed record SetWorkingHours(int ShopId, IReadOnlyList<DayHoursInput>? Week, IReadOnlyList<DateHoursInput>? Exceptions, string? UtcOffset)
{
    public sealed class Validator : AbstractValidator<SetWorkingHours>
    {
        public Validator()
        {
            RuleFor(x => x.Week).NotNull().Must(w => w is null || (w.Count <= 7 && w.Select(d => d.Weekday).Distinct().Count() == w.Count))
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
        var days = command.Week!.Select(d => d.ToDay()).ToDictionary(d => d.Weekday);
        // A weekday the body leaves out is a day off.
        var week = Enumerable.Range(1, 7).Select(d => days.GetValueOrDefault(d) ?? new DayHours(d, null, null)).ToList();
        var offset = command.UtcOffset is { } text && SetWorkingHours.TryOffset(text, out var o) ? o : current.Hours.UtcOffset;
        var hours = new WorkingHours(week, (command.Exceptions ?? []).Select(e => e.ToDate()).ToList(), offset);
        session.Append(current.Shop, origin, new WorkingHoursSet(command.ShopId, hours, origin));
    }
}
