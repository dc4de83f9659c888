namespace Cvety.Domain.Common;

/// <summary>Where a change came from. Stored on every event so that history and audit never have to guess.</summary>
public static class Sources
{
    public const string Admin = "admin";
    public const string Customer = "customer";
    public const string Telegram = "telegram";
    public const string Web = "web";
    public const string Bitrix = "bitrix";
    public const string Kaspi = "kaspi";
    public const string System = "system";

    /// <summary>Taken over from the legacy database at the switch: the actor is the legacy row's own <c>changed_by</c>, or <c>legacy</c>.</summary>
    public const string LegacyImport = "legacy-import";

    /// <summary>An AI assistant through Cvety's MCP endpoint, on behalf of a member of staff (their id) or a customer (<c>agent</c>, <c>customer</c>).</summary>
    public const string Mcp = "mcp";

    public static readonly string[] All = [Admin, Customer, Telegram, Web, Bitrix, Kaspi, System, LegacyImport, Mcp];

    /// <summary>Outside systems of record: what they report happened, so they may skip steps forward.</summary>
    public static bool IsExternal(string source) => source is Bitrix or Kaspi;
}

/// <summary>
/// Who made a change and through what: <paramref name="Actor"/> is a user id, or the name of a system
/// (<c>system</c>, <c>bitrix</c>, <c>kaspi</c>), or <c>customer</c>; <paramref name="Role"/> is the user's role when
/// a signed-in user acted.
/// </summary>
public sealed record Origin(string Source, string Actor, string? Role = null)
{
    public static Origin System(string actor = Sources.System) => new(Sources.System, actor);

    /// <summary>A fact taken over from the legacy database; <paramref name="actor"/> is its <c>changed_by</c> (admin, customer, bitrix) or <c>legacy</c>.</summary>
    public static Origin Legacy(string actor = "legacy") => new(Sources.LegacyImport, actor);

    /// <summary>The legacy <c>changed_by</c> value of a history row: customer | admin | bitrix | kaspi | system.</summary>
    public string ChangedBy => Source switch
    {
        Sources.Customer or Sources.Telegram or Sources.Web => "customer",
        Sources.LegacyImport => Actor,
        Sources.Mcp => Role is null ? "customer" : "admin",
        _ => Source,
    };
}
