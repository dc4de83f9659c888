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

    /// <summary>
    /// The shop's profile, name and city as its staff saved them. A new name or city is its own event (the platform's
    /// lists show it); a save that changes nothing else is still recorded as a profile save, as the legacy screen sends
    /// the whole form each time and staff expect to see that they saved it.
    /// </summary>
    public static object[] ChangeProfile(Shop shop, ShopProfile current, ShopProfile profile, string name, string city, Origin by)
    {
        object[] renamed = name != shop.Name || city != shop.City ? [new ShopRenamed(shop.Id, name, city, by)] : [];
        object[] changed = profile != current || renamed.Length == 0 ? [new ShopProfileChanged(shop.Id, profile, by)] : [];
        return [.. renamed, .. changed];
    }

    public static object[] SetHours(Shop shop, WorkingHours hours, Origin by) => [new WorkingHoursSet(shop.Id, hours, by)];

    /// <summary>A shop that neither delivers nor lets customers pick up could take no order at all.</summary>
    public static object[] SetDelivery(Shop shop, DeliverySettings delivery, Origin by)
    {
        if (!delivery.PickupAvailable && !delivery.DeliveryAvailable)
            throw new DomainException("At least one fulfillment method (pickup or delivery) must be available");
        return [new DeliverySettingsSet(shop.Id, delivery, by)];
    }
}
