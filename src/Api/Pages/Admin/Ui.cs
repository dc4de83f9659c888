using System.Globalization;
using Cvety.Domain.Common;
using Cvety.Domain.Users;

namespace Cvety.Api.Pages.Admin;

/// <summary>How the staff screens write things for people: tenge with thin-space thousands, shop time, who did it, and
/// which forms a role sees. The Russian names of the vocabularies are in <c>Ui.Labels.cs</c>, refusals in <c>Ui.Refusals.cs</c>.</summary>
public static partial class Ui
{
    public const string Scheme = "CvetyUi";

    private static readonly NumberFormatInfo Tenge = new() { NumberGroupSeparator = "\u202F", NumberDecimalSeparator = "," };

    public static string Money(Money amount) => (amount.Tiyn / 100m).ToString("#,0.##", Tenge) + "\u00A0₸";

    /// <summary>Whether the signed-in person's role holds <paramref name="permission"/> (the one table, <see cref="Permissions"/>): the forms only they see.</summary>
    public static bool May(System.Security.Claims.ClaimsPrincipal user, Permission permission) =>
        Permissions.Table[permission].Any(role => user.IsInRole(role.Name()));

    /// <summary>Who made a change, as people know them: a team member's name and role, else the role, else the system it came from.</summary>
    public static string Person(IReadOnlyDictionary<string, string> names, string actor, string? role, string source)
    {
        var who = names.TryGetValue(actor, out var name) ? $"{name} ({RoleName(role)})" : role is not null ? RoleName(role) : Source(source);
        // An assistant acting for a member of staff: the person, and that it was done through the assistant.
        return source == Sources.Mcp && (role is not null || names.ContainsKey(actor)) ? who + ", через ИИ-ассистента" : who;
    }

    public static string Time(DateTimeOffset at, TimeSpan offset) => at.ToOffset(offset).ToString("dd.MM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A shop's offset as its settings write it ("+05:00").</summary>
    public static TimeSpan Offset(string text) =>
        text.StartsWith('-') ? -TimeSpan.Parse(text[1..], CultureInfo.InvariantCulture) : TimeSpan.Parse(text.TrimStart('+'), CultureInfo.InvariantCulture);
}
