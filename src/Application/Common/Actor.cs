using Cvety.Domain.Users;

namespace Cvety.Application.Common;

/// <summary>Who is asking: a signed-in user, or nobody (public endpoints, background work).</summary>
public sealed record Actor(Guid? UserId, UserRole? Role, int? ShopId, Guid? SessionId = null)
{
    public static readonly Actor Anonymous = new(null, null, null);

    public bool IsSuperadmin => Role == UserRole.Superadmin;

    public bool IsAuthenticated => UserId is not null;

    /// <summary>A MANAGER or DIRECTOR of a shop, or the superadmin: who edits the catalog, the settings, content and clients' data.</summary>
    public bool ManagesShop => Role is UserRole.Manager or UserRole.Director or UserRole.Superadmin;

    /// <summary>True when the caller may act for the shop: the superadmin anywhere, staff in their own shop.</summary>
    public bool BelongsTo(int shopId) => IsSuperadmin || ShopId == shopId;
}

/// <summary>The port through which use cases learn who called them; the API fills it from the JWT.</summary>
public interface ICurrentUser
{
    Actor Actor { get; }
}
