using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cvety.IntegrationTests.Legacy;

/// <summary>
/// The field paths a legacy client reads from an answer, with the kind of value it expects there, checked against a
/// real answer. A path is dotted (<c>user.role</c>); <c>[]</c> means "every element" (<c>items[].product_price</c>;
/// such an array must not be empty, or the check would prove nothing) and a leading <c>[]</c> is a bare array answer.
/// A kind ending in <c>?</c> may be null, but the key must be there: the clients index into it.
/// </summary>
public static partial class LegacyContract
{
    /// <summary>Every failure, one line each, so that a test names all that a client would misread at once.</summary>
    public static IEnumerable<string> Check(JsonElement answer, string path, string kind)
    {
        var nullable = kind.EndsWith('?');
        var bare = nullable ? kind[..^1] : kind;
        foreach (var (where, value) in Walk(answer, Split(path), "$"))
        {
            if (value is null) { yield return $"{where}: missing"; continue; }
            var v = value.Value;
            if (v.ValueKind == JsonValueKind.Null)
            {
                if (!nullable) yield return $"{where}: null, expected {bare}";
                continue;
            }
            if (!Is(v, bare)) yield return $"{where}: {Show(v)} is not {bare}";
        }
    }

    private static string[] Split(string path) =>
        path.Replace("[]", ".[]").Split('.', StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<(string Where, JsonElement? Value)> Walk(JsonElement at, string[] steps, string where)
    {
        if (steps.Length == 0) { yield return (where, at); yield break; }
        var step = steps[0];
        var rest = steps[1..];
        if (step == "[]")
        {
            if (at.ValueKind != JsonValueKind.Array) { yield return (where + "[]", null); yield break; }
            if (at.GetArrayLength() == 0) { yield return (where + "[] (empty: nothing to check)", null); yield break; }
            var i = 0;
            foreach (var element in at.EnumerateArray())
            foreach (var found in Walk(element, rest, $"{where}[{i++}]"))
                yield return found;
            yield break;
        }
        if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(step, out var next))
        {
            yield return ($"{where}.{step}", null);
            yield break;
        }
        if (rest.Length > 0 && rest[0] != "[]" && next.ValueKind == JsonValueKind.Null)
        {
            // A null object on the way: the client reads it as absent (owner?.name), which the kind of the leaf decides.
            yield return ($"{where}.{step}", next);
            yield break;
        }
        foreach (var found in Walk(next, rest, $"{where}.{step}"))
            yield return found;
    }

    private static bool Is(JsonElement v, string kind) => kind switch
    {
        "any" => true,
        "str" => v.ValueKind == JsonValueKind.String,
        "int" => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out _),
        "num" => v.ValueKind == JsonValueKind.Number,
        "bool" => v.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "arr" => v.ValueKind == JsonValueKind.Array,
        "obj" => v.ValueKind == JsonValueKind.Object,
        // Ids the clients take from one answer and send back on the same route: a number, or a string they pass along.
        "id" => v.ValueKind == JsonValueKind.Number || (v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0),
        "strs" => v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String),
        _ => v.ValueKind == JsonValueKind.String && Matches(kind, v.GetString()!),
    };

    private static bool Matches(string kind, string s) => kind switch
    {
        // The legacy backend's naive ISO datetimes (no offset, no Z): the admin SPA appends Z or reads them as local time.
        "naive" => Naive().IsMatch(s),
        // Any ISO 8601 instant or local time JavaScript's Date parses.
        "iso" => DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
        "dmy" => DateOnly.TryParseExact(s, "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "ymd" => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "hhmm" => HhMm().IsMatch(s),
        "hours" => s == "Closed" || Hours().IsMatch(s),
        "number" => OrderNumber().IsMatch(s),
        "tracking" => TrackingId().IsMatch(s),
        "digits" => Digits().IsMatch(s),
        "ROLE" => s is "SUPERADMIN" or "ADMIN" or "DIRECTOR" or "MANAGER" or "FLORIST" or "COURIER",
        "status" => s is "new" or "paid" or "accepted" or "assembled" or "in_delivery" or "delivered" or "cancelled",
        // The tracking page's own words, and the two ends Cvety adds (ADR 0024).
        "trackstatus" => s is "confirmed" or "preparing" or "delivering" or "delivered" or "cancelled",
        "kaspi" => s is "Wait" or "Processed" or "Error",
        "lower" => s.Length > 0 && s == s.ToLowerInvariant(),
        _ => throw new ArgumentException($"Unknown kind '{kind}'."),
    };

    private static string Show(JsonElement v)
    {
        var text = v.GetRawText();
        return text.Length <= 60 ? text : text[..60] + "…";
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?$")]
    private static partial Regex Naive();

    [GeneratedRegex(@"^([01]\d|2[0-3]):[0-5]\d$")]
    private static partial Regex HhMm();

    [GeneratedRegex(@"^([01]\d|2[0-3]):[0-5]\d - ([01]\d|2[0-4]):[0-5]\d$")]
    private static partial Regex Hours();

    [GeneratedRegex(@"^#\d{5,}$")]
    private static partial Regex OrderNumber();

    [GeneratedRegex(@"^\d{9}$")]
    private static partial Regex TrackingId();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Digits();
}
