using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cvety.Domain.Shops;

namespace Cvety.Api.Legacy;

/// <summary>
/// Times as the legacy backend wrote them and its clients read them: naive ISO strings without an offset
/// (<c>2025-10-14T09:24:31</c>, microseconds when there are any). The legacy platform had one business time zone,
/// Asia/Almaty (UTC+5), and its clients run in it: the admin SPA reads <c>created_at</c> as local time. Cvety writes
/// every instant of <c>/api/v1</c> as that wall clock, so those screens show the time it was there (ADR 0024).
/// Read back, a naive time is taken in the same zone; one with an offset or <c>Z</c> keeps it.
/// </summary>
public static class LegacyTime
{
    /// <summary>The legacy platform's zone: Kazakhstan, UTC+5 since 2024-03-01.</summary>
    public static readonly TimeSpan Offset = WorkingHours.KazakhstanOffset;

    public static string Naive(DateTimeOffset instant) => NaiveWallClock(instant.ToOffset(Offset).DateTime);

    /// <summary>The same instant as a naive UTC time: what the admin SPA expects where it appends <c>Z</c> itself (<c>delivery_date</c>).</summary>
    public static string NaiveUtc(DateTimeOffset instant) => NaiveWallClock(instant.UtcDateTime);

    private static string NaiveWallClock(DateTime wallClock) =>
        wallClock.ToString(wallClock.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>A day as the legacy client list wrote <c>customer_since</c>: DD.MM.YYYY, in the legacy zone.</summary>
    public static string Day(DateTimeOffset instant) => instant.ToOffset(Offset).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text)
    {
        var styles = DateTimeStyles.AllowWhiteSpaces;
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | styles, out var parsed) && parsed.Kind == DateTimeKind.Unspecified)
            return new DateTimeOffset(parsed, Offset);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, styles);
    }

    /// <summary>Every <see cref="DateTimeOffset"/> of the API's answers, naive in the legacy zone.</summary>
    public sealed class NaiveConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return Parse(reader.GetString() ?? throw new JsonException("A time is expected."));
            }
            catch (FormatException e)
            {
                throw new JsonException("Not a date and time such as 2025-10-14T09:24:31.", e);
            }
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(Naive(value));
    }

    /// <summary>For the few legacy fields that carried their offset (<c>order_history.changed_at</c>, a tz-aware column): ISO 8601 with it.</summary>
    public sealed class WithOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString() ?? throw new JsonException("A time is expected."));

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture));
    }
}
