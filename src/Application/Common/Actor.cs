using Cvety.Domain.Users;

namespace Cvety.Application.Common;

/// <summary>
/// Who is asking: a signed-in user, or nobody (public endpoints, background work). <paramref name="Channel"/> names the
/// system the call came through when it is not the API's own routes (<c>mcp</c>: an AI assistant), and
/// <paramref name="Agent"/> who stands behind an anonymous call there (a shop's agent key: <c>agent</c>).
/// </summary>
public sealed record Actor(Guid? UserId, UserRole? Role, int? ShopId, Guid? SessionId = null, string? Channel = null, string? Agent = null)
{
    public static readonly Actor Anonymous = new(null, null, null);

    public bool IsSuperadmin => Role == UserRole.Superadmin;

    public bool IsAuthenticated => UserId is not null;

    /// <summary>Whether the caller's role holds <paramref name="permission"/> (<see cref="Permissions"/>, the one table).</summary>
    public bool May(Permission permission) => Role.Allows(permission);

    /// <summary>True when the caller may act for the shop: the superadmin anywhere, staff in their own shop.</summary>
    public bool BelongsTo(int shopId) => IsSuperadmin || ShopId == shopId;
}

/// <summary>The port through which use cases learn who called them; the API fills it from the JWT.</summary>
public interface ICurrentUser
{
    Actor Actor { get; }
}
