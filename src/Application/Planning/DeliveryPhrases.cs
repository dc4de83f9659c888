using System.Globalization;
using System.Text.RegularExpressions;

namespace Cvety.Application.Planning;

/// <summary>
/// Reads the Russian phrases the AI agent and the MCP server pass on from customers ("завтра", "в пятницу",
/// "15 марта", "к 14:00", "после обеда") as a date and a time, relative to the shop's local today. Pure: the caller
/// gives today. Anything it cannot read is a null, never a guess.
/// </summary>
public static partial class DeliveryPhrases
{
    private static readonly string[] Months = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];

    private static readonly (string Stem, DayOfWeek Day)[] Weekdays =
    [
        ("понедельник", DayOfWeek.Monday), ("вторник", DayOfWeek.Tuesday), ("сред", DayOfWeek.Wednesday), ("четверг", DayOfWeek.Thursday),
        ("пятниц", DayOfWeek.Friday), ("суббот", DayOfWeek.Saturday), ("воскресень", DayOfWeek.Sunday),
        ("пн", DayOfWeek.Monday), ("вт", DayOfWeek.Tuesday), ("ср", DayOfWeek.Wednesday), ("чт", DayOfWeek.Thursday),
        ("пт", DayOfWeek.Friday), ("сб", DayOfWeek.Saturday), ("вс", DayOfWeek.Sunday),
    ];

    /// <summary>Parts of the day, as florists plan them.</summary>
    private static readonly (string Stem, TimeOnly Time)[] DayParts =
    [
        ("утр", new TimeOnly(10, 0)), ("после обеда", new TimeOnly(15, 0)), ("обед", new TimeOnly(13, 0)), ("днём", new TimeOnly(13, 0)),
        ("днем", new TimeOnly(13, 0)), ("дн", new TimeOnly(13, 0)), ("вечер", new TimeOnly(18, 0)),
    ];

    public static DateOnly? Date(string? phrase, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(phrase)) return null;
        var text = Normalise(phrase);
        if (text.Contains("послезавтра", StringComparison.Ordinal)) return today.AddDays(2);
        if (text.Contains("завтра", StringComparison.Ordinal)) return today.AddDays(1);
        if (text.Contains("сегодня", StringComparison.Ordinal)) return today;

        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact)) return exact;
        if (DayMonth().Match(text) is { Success: true } dm)
            return Upcoming(today, int.Parse(dm.Groups["d"].Value, CultureInfo.InvariantCulture), int.Parse(dm.Groups["m"].Value, CultureInfo.InvariantCulture));
        if (DayMonthName().Match(text) is { Success: true } named)
        {
            var name = named.Groups["m"].Value;
            // "ма" (май, мая) is the only stem that is a prefix of another (март): try the longer ones first.
            var month = Array.FindIndex(Months, m => m.Length > 2 && name.StartsWith(m, StringComparison.Ordinal));
            if (month < 0 && name.StartsWith("ма", StringComparison.Ordinal)) month = 4;
            if (month >= 0) return Upcoming(today, int.Parse(named.Groups["d"].Value, CultureInfo.InvariantCulture), month + 1);
        }
        foreach (var word in Words().Matches(text).Select(m => m.Value))
            foreach (var (stem, day) in Weekdays)
                if (stem.Length > 2 ? word.StartsWith(stem, StringComparison.Ordinal) : word == stem)
                {
                    var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
                    // "в пятницу" said on a Friday means next week's, unless "сегодня" was said (handled above).
                    return today.AddDays(ahead == 0 ? 7 : ahead);
                }
        return null;
    }

    public static TimeOnly? Time(string? phrase)
    {
        if (string.IsNullOrWhiteSpace(phrase)) return null;
        var text = Normalise(phrase);
        if (Clock().Match(text) is { Success: true } clock)
        {
            var hour = int.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = clock.Groups["m"].Success ? int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            // "в 3 часа дня", "в 7 вечера": the afternoon.
            if (hour < 12 && (text.Contains("дня", StringComparison.Ordinal) || text.Contains("вечер", StringComparison.Ordinal)) && hour > 0) hour += 12;
            if (hour is >= 0 and < 24 && minute is >= 0 and < 60) return new TimeOnly(hour, minute);
            return null;
        }
        foreach (var (stem, time) in DayParts)
            if (text.Contains(stem, StringComparison.Ordinal)) return time;
        return null;
    }

    private static DateOnly? Upcoming(DateOnly today, int day, int month)
    {
        for (var year = today.Year; year <= today.Year + 1; year++)
        {
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) continue;
            var date = new DateOnly(year, month, day);
            if (date >= today) return date;
        }
        return null;
    }

    private static string Normalise(string phrase) => phrase.Trim().ToLowerInvariant().Replace('ё', 'е').Replace("ё", "е", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\.(?<m>\d{1,2})(?!\.\d)")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\s+(?<m>[а-я]+)")]
    private static partial Regex DayMonthName();

    [GeneratedRegex(@"(?<!\d)(?<h>\d{1,2})(?:[:.\-](?<m>\d{2}))?(?!\d)")]
    private static partial Regex Clock();

    [GeneratedRegex(@"[а-я]+")]
    private static partial Regex Words();
}
