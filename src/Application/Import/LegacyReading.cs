using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using Cvety.Domain.Users;

namespace Cvety.Application.Import;

/// <summary>
/// How the legacy database's naive timestamps are read (reference §2.3): columns filled by PostgreSQL's <c>now()</c>
/// and by Python on the server hold UTC on Railway; SQLite-era copies hold the developer machine's UTC+5. The rule is
/// chosen per run (<c>--legacy-clock utc|almaty</c>, UTC by default) and the report says which. An order's
/// <c>delivery_date</c> is its own case: the admin SPA sent UTC, the bots and the MCP server the Almaty wall clock.
/// </summary>
public sealed record LegacyClock(TimeSpan StoredOffset)
{
    public static readonly TimeSpan Almaty = TimeSpan.FromHours(5);
    public static readonly LegacyClock Utc = new(TimeSpan.Zero);

    public string Rule => StoredOffset == TimeSpan.Zero
        ? "naive timestamps read as UTC (the legacy server's clock on Railway); delivery_date as UTC for orders from the admin SPA, Almaty wall clock for orders from Telegram"
        : "naive timestamps read as Almaty time (UTC+5, the SQLite-era clock); delivery_date as Almaty wall clock";

    public DateTimeOffset? At(DateTime? stored) =>
        stored is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), StoredOffset) : null;

    /// <summary>The delivery day and time in the shop's wall clock (Almaty).</summary>
    public (DateOnly Day, TimeOnly? Time)? Delivery(DateTime? stored, bool fromTelegram)
    {
        if (stored is not { } value) return null;
        var local = fromTelegram || StoredOffset == Almaty
            ? DateTime.SpecifyKind(value, DateTimeKind.Unspecified)
            : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), TimeSpan.Zero).ToOffset(Almaty).DateTime;
        var time = TimeOnly.FromDateTime(local);
        return (DateOnly.FromDateTime(local), time == TimeOnly.MinValue ? null : time);
    }
}

/// <summary>The legacy database's vocabularies, read case-insensitively; what is not known is said, never guessed.</summary>
public static class LegacyReading
{
    /// <summary>An order status label as stored (NEW), as written into history (new, OrderStatus.NEW, "cancelled (Reason: ...)").</summary>
    public static OrderStatus? Status(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = raw.Trim();
        if (text.StartsWith("OrderStatus.", StringComparison.OrdinalIgnoreCase)) text = text["OrderStatus.".Length..];
        var reason = text.IndexOf(" (", StringComparison.Ordinal);
        if (reason > 0) text = text[..reason];
        return OrderStatuses.TryParse(text.Trim().ToLowerInvariant(), out var status) ? status : null;
    }

    /// <summary>The reason a cancelled status carried in history: <c>cancelled (Reason: клиент передумал)</c>.</summary>
    public static string? CancelReason(string? raw)
    {
        if (raw is null) return null;
        var start = raw.IndexOf("(Reason:", StringComparison.OrdinalIgnoreCase);
        if (start < 0) return null;
        var text = raw[(start + "(Reason:".Length)..].TrimEnd(')', ' ');
        return text.Trim().Length == 0 ? null : text.Trim();
    }

    /// <summary>A legacy role; ADMIN (a platform role the shops never used) becomes MANAGER, SUPERADMIN is the platform's, not a shop's.</summary>
    public static UserRole? Role(string? raw) => raw?.Trim().ToUpperInvariant() switch
    {
        "DIRECTOR" => UserRole.Director,
        "MANAGER" => UserRole.Manager,
        "ADMIN" => UserRole.Manager,
        "FLORIST" => UserRole.Florist,
        "COURIER" => UserRole.Courier,
        "SUPERADMIN" => UserRole.Superadmin,
        _ => null,
    };

    public static readonly string[] ProductTypes = ["flowers", "sweets", "fruits", "gifts", "vitrina", "catalog"];

    public static string? ProductType(string? raw) => raw?.Trim().ToLowerInvariant() is { } t && ProductTypes.Contains(t) ? t : null;

    public static string? OperationType(string? raw) => raw?.Trim().ToLowerInvariant() switch
    {
        ("delivery" or "sale" or "writeoff" or "price_change" or "inventory") and var t => t,
        _ => null,
    };

    /// <summary>A phone as Cvety keeps it (+7XXXXXXXXXX), or null when the legacy value cannot be one.</summary>
    public static string? Phone(string? raw) => PhoneNumber.TryParse(raw, out var phone) ? phone.Value : null;

    public static Domain.Orders.DeliveryType DeliveryType(string? raw) => raw?.Trim().ToLowerInvariant() switch
    {
        "self_pickup" => Domain.Orders.DeliveryType.Pickup,
        var word => Vocabulary.TryParse<Domain.Orders.DeliveryType>(word, out var type) ? type : Domain.Orders.DeliveryType.Delivery,
    };

    public static Domain.Orders.PaymentMethod PaymentMethod(string? raw) => Domain.Orders.PaymentMethod.TryChoose(raw?.Trim().ToLowerInvariant(), out var m) ? m : Domain.Orders.PaymentMethod.Cash;

    /// <summary>The assignment history's <c>Name (ID: 12)</c>.</summary>
    public static (string Name, int Id)? Assignee(string? raw)
    {
        if (raw is null) return null;
        var at = raw.LastIndexOf("(ID:", StringComparison.OrdinalIgnoreCase);
        if (at < 0 || !int.TryParse(raw[(at + 4)..].TrimEnd(')', ' ').Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)) return null;
        return (raw[..at].Trim(), id);
    }

    /// <summary>The photo feedback history's <c>👍 Like: comment</c> / <c>👎 Dislike: comment</c>.</summary>
    public static (string Feedback, string? Comment)? Feedback(string? raw)
    {
        if (raw is null) return null;
        var feedback = raw.Contains("Dislike", StringComparison.OrdinalIgnoreCase) ? "dislike" : raw.Contains("Like", StringComparison.OrdinalIgnoreCase) ? "like" : null;
        if (feedback is null) return null;
        var colon = raw.IndexOf(':');
        var comment = colon >= 0 ? raw[(colon + 1)..].Trim() : null;
        return (feedback, string.IsNullOrWhiteSpace(comment) ? null : comment);
    }

    /// <summary>A legacy <c>delivery_date</c> as history wrote it (<c>2025-10-20 09:00:00[+00:00]</c>).</summary>
    public static DateTime? HistoryTime(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) && raw.Contains('+'))
            return value.UtcDateTime;
        return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var naive) ? naive : null;
    }

    /// <summary>The numeric part of an order number (<c>#00042</c>: 42; <c>#TEST-00001</c>: null).</summary>
    public static int? OrderNumber(string raw)
    {
        var text = raw.Trim().TrimStart('#');
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>Cvety's id of a legacy row: the same on every run, so that a second run finds what the first wrote.</summary>
    public static Guid IdOf(string kind, int legacyId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"cvety-legacy:{kind}:{legacyId}"))[..16]);
}
