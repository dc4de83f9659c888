using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cvety.Application.Orders;

/// <summary>
/// <c>delivery_date</c> as the legacy clients send it: a date (<c>2025-10-10</c>, the shop SPA's edit form), a local
/// date-time with the chosen time folded in (<c>2025-10-10T14:00:00</c>, the AI agent and the MCP server), or a UTC
/// instant with milliseconds (<c>2025-10-10T08:00:00.000Z</c>, the admin SPA's <c>Date.toISOString()</c>). An instant
/// is read in the shop's time zone; a time, when there is one, becomes the delivery time if no slot was chosen.
/// Anything else is refused as malformed JSON at <c>delivery_date</c> (400).
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed record DeliveryDateInput(DateOnly Date, TimeOnly? Time, DateTimeOffset? Instant)
{
    public static DeliveryDateInput From(DateOnly date) => new(date, null, null);

    /// <summary>The delivery day and time in the shop's time zone.</summary>
    public (DateOnly Date, TimeOnly? Time) InShop(TimeSpan offset)
    {
        if (Instant is not { } instant) return (Date, Time);
        var local = instant.ToOffset(offset);
        return (DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime));
    }

    /// <summary>
    /// The delivery day in the shop's time zone, and the slot: the one given, else the time the date carried
    /// (<c>HH:mm</c>), else none. One rule for placing an order and for the customer's edit.
    /// </summary>
    public static (DateOnly? Day, string? Slot) DayAndSlot(DeliveryDateInput? input, string? slot, TimeSpan shopOffset)
    {
        (DateOnly? day, TimeOnly? time) = input?.InShop(shopOffset) ?? default((DateOnly?, TimeOnly?));
        return (day, string.IsNullOrWhiteSpace(slot) ? time?.ToString("HH:mm", CultureInfo.InvariantCulture) : slot.Trim());
    }

    /// <summary>
    /// The moment the legacy answers give for a delivery (<c>delivery_date</c>): the window's start, noon when no time is
    /// known, at the shop's offset. The admin SPA shows it and may send it back unchanged with an edit.
    /// </summary>
    public static DateTimeOffset? LegacyMoment(DateOnly? day, string? slot, TimeSpan shopOffset) =>
        day is { } d ? new DateTimeOffset(d.ToDateTime(DeliveryWindow.Parse(slot).From ?? new TimeOnly(12, 0)), shopOffset) : null;

    /// <summary>An instant that is exactly the moment the order already shows: the admin SPA's edit form sent it back unchanged.</summary>
    public bool IsUnchanged(DateOnly? day, string? slot, TimeSpan shopOffset) =>
        Instant is { } instant && LegacyMoment(day, slot, shopOffset) is { } shown && instant == shown;

    private static readonly string[] LocalFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    public static bool TryParse(string? text, out DeliveryDateInput? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = From(date);
            return true;
        }
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            value = new DeliveryDateInput(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), null);
            return true;
        }
        // An instant says its offset: "Z" or "+05:00".
        if ((text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            value = new DeliveryDateInput(DateOnly.FromDateTime(instant.UtcDateTime), null, instant);
            return true;
        }
        return false;
    }

    public sealed class Converter : JsonConverter<DeliveryDateInput>
    {
        public override DeliveryDateInput? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType == JsonTokenType.String && TryParse(reader.GetString(), out var value)) return value;
            throw new JsonException("'delivery_date' must be a date (2025-10-10), a local date and time (2025-10-10T14:00:00) or a UTC time (2025-10-10T08:00:00.000Z).");
        }

        public override void Write(Utf8JsonWriter writer, DeliveryDateInput value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Instant?.ToString("O", CultureInfo.InvariantCulture)
                ?? (value.Time is { } t
                    ? string.Create(CultureInfo.InvariantCulture, $"{value.Date:yyyy-MM-dd}T{t:HH:mm:ss}")
                    : value.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }
}

/// <summary>A delivery time as the clients write it: "14:00", "14:00-16:00", "с 14 до 16", or words ("после обеда").</summary>
public static class DeliveryWindow
{
    private static readonly System.Text.RegularExpressions.Regex Times = new(@"(?<!\d)([01]?\d|2[0-3])[:.]([0-5]\d)(?!\d)", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>The window's start and end when the text holds one or two times; (null, null) for words.</summary>
    public static (TimeOnly? From, TimeOnly? To) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        var found = Times.Matches(text).Select(m => new TimeOnly(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        return found.Count switch
        {
            0 => (null, null),
            1 => (found[0], null),
            _ => (found[0], found[1] > found[0] ? found[1] : null),
        };
    }
}
