using Cvety.Domain.Common;
using Cvety.Domain.Users;

namespace Cvety.Domain.Shops;

/// <summary>Everything that happens to a shop as a tenant of the platform, and to its team's invitations.</summary>
public interface IShopEvent
{
    int ShopId { get; }
    Origin By { get; }
}

public sealed record ShopOpened(int ShopId, string Name, string City, string? Phone, string? Address, Money DeliveryFee, Origin By) : IShopEvent;

public sealed record ShopBlocked(int ShopId, string? Reason, Origin By) : IShopEvent;

public sealed record ShopUnblocked(int ShopId, string? Reason, Origin By) : IShopEvent;

/// <summary>A DIRECTOR or MANAGER invites a phone into the team with a role; signing up or in with that phone accepts.</summary>
public sealed record MemberInvited(int ShopId, Guid InvitationId, string Phone, UserRole Role, string? Name, Origin By) : IShopEvent;

public sealed record InvitationCancelled(int ShopId, Guid InvitationId, Origin By) : IShopEvent;

public sealed record InvitationAccepted(int ShopId, Guid InvitationId, Guid UserId, Origin By) : IShopEvent;

public static class ShopDecisions
{
    public static object[] Block(Shop shop, bool blocked, string? reason, Origin by)
    {
        if (shop.IsBlocked == blocked) return [];
        return blocked ? [new ShopBlocked(shop.Id, reason, by)] : [new ShopUnblocked(shop.Id, reason, by)];
    }
}
