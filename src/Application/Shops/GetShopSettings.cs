using Cvety.Application.Common;
using Cvety.Domain.Shops;
using Marten;

namespace Cvety.Application.Shops;

/// <summary>
/// A shop's settings. <see cref="Public"/>: what anyone may read (the shop SPA's first call, the AI agent): name,
/// contacts, hours, delivery zones and prices, pickup points, minimum order, the bot's welcome text. Otherwise the
/// staff's view of their own shop, which is the same today plus the shop's block state.
/// </summary>
public sealed record GetShopSettings(int ShopId, bool Public);

public sealed record ShopSettingsAnswer(
    int ShopId, string Name, string City, string? Description, string? Address, string? Phone, string? Instagram, string? WhatsApp,
    string Currency, long MinimumOrder, string? WelcomeText, IReadOnlyList<string> PickupPoints,
    WorkingHoursView WorkingHours, DeliverySettingsView Delivery, long DeliveryFee, bool IsActive);

public static class GetShopSettingsHandler
{
    public static async Task<ShopSettingsAnswer> Handle(GetShopSettings query, IQuerySession session, CancellationToken ct)
    {
        var (shop, profile, hours, delivery) = await ShopWithSettings.LoadAsync(session, query.ShopId, ct);
        if (query.Public && shop.IsBlocked) throw new ShopUnavailableException(shop.Id);
        return new ShopSettingsAnswer(shop.Id, shop.Name, shop.City, profile.Description, profile.Address ?? shop.Address, profile.Phone ?? shop.Phone,
            profile.Instagram, profile.WhatsApp, profile.Currency, profile.MinimumOrder, profile.WelcomeText, profile.PickupPoints ?? [],
            WorkingHoursView.Of(hours), DeliverySettingsView.Of(delivery), delivery.Zones.FirstOrDefault()?.Price.Tiyn ?? 0, !shop.IsBlocked);
    }
}
