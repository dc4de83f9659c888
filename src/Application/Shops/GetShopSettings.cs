using Cvety.Application.Common;
using Cvety.Domain.Shops;
using Marten;

namespace Cvety.Application.Shops;

/// <summary>
/// A shop's settings. <see cref="Public"/>: what anyone may read (the AI agent calls <c>/shop/settings</c> without a
/// token): name, contacts, hours, delivery zones and prices, pickup points, minimum order, the bot's welcome text.
/// Otherwise the staff's view of their own shop, which is the same today plus the shop's block state.
/// </summary>
public sealed record GetShopSettings(int ShopId, bool Public);

/// <summary>
/// The settings in the legacy <c>ShopRead</c> shape the admin SPA reads (<c>name</c>, <c>city</c> as the legacy enum,
/// <c>weekday_start</c> ... <c>weekend_end</c>, <c>delivery_cost</c> and <c>free_delivery_amount</c> in tiyn,
/// <c>pickup_available</c>, <c>delivery_available</c>), with Cvety's own beside them.
/// </summary>
public sealed record ShopSettingsAnswer(
    int ShopId, string Name, string CityName, string? Description, string? Address, string? Phone, string? Instagram, string? WhatsApp,
    string Currency, long MinimumOrder, string? WelcomeText, IReadOnlyList<string> PickupPoints,
    WorkingHoursView WorkingHours, DeliverySettingsView Delivery, long DeliveryFee, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public int Id => ShopId;

    /// <summary>The legacy enum's name (Astana, Almaty); <see cref="CityName"/> is Cvety's.</summary>
    public string City => ShopCities.Legacy(CityName)!;
    public string WeekdayStart => WorkingHours.WeekdayStart;
    public string WeekdayEnd => WorkingHours.WeekdayEnd;
    public string WeekendStart => WorkingHours.WeekendStart;
    public string WeekendEnd => WorkingHours.WeekendEnd;
    public bool WeekdayClosed => WorkingHours.WeekdayClosed;
    public bool WeekendClosed => WorkingHours.WeekendClosed;
    public long DeliveryCost => Delivery.DeliveryCost;
    public long FreeDeliveryAmount => Delivery.FreeDeliveryAmount;
    public bool PickupAvailable => Delivery.PickupAvailable;
    public bool DeliveryAvailable => Delivery.DeliveryAvailable;
}

/// <summary>The shop SPA's first call and the AI agent's hours (<c>GET /shop/settings/public?shop_id=</c>).</summary>
public sealed record GetPublicShopSettings(int ShopId);

/// <summary>
/// What anyone may know of the shop, in the legacy public shape (<c>shop_name</c>, <c>weekday_hours</c> as
/// "09:00 - 18:00" or "Closed", <c>delivery_cost_tenge</c> and <c>free_delivery_threshold_tenge</c> in whole tenge: the
/// only tenge of the answer, which the shop SPA multiplies by 100) with Cvety's own beside them (zones and minimum
/// order in tiyn, as everywhere else in Cvety). The MCP server reads <c>weekday_start</c> ... and <c>pickup_address</c> too.
/// </summary>
public sealed record PublicShopSettings(
    int ShopId, string Name, string CityName, string? Description, string? Address, string? Phone, string? Instagram, string? WhatsApp,
    string Currency, long MinimumOrder, string? WelcomeText, IReadOnlyList<string> PickupPoints,
    WorkingHoursView WorkingHours, DeliverySettingsView Delivery)
{
    public string? City => ShopCities.Legacy(CityName);
    public string ShopName => Name;
    public string? PickupAddress => PickupPoints.Count > 0 ? PickupPoints[0] : Address;
    public string WeekdayHours => WorkingHours.Legacy.WeekdayHours;
    public string WeekendHours => WorkingHours.Legacy.WeekendHours;
    public bool WeekdayClosed => WorkingHours.WeekdayClosed;
    public bool WeekendClosed => WorkingHours.WeekendClosed;
    public string? WeekdayStart => WeekdayClosed ? null : WorkingHours.WeekdayStart;
    public string? WeekdayEnd => WeekdayClosed ? null : WorkingHours.WeekdayEnd;
    public string? WeekendStart => WeekendClosed ? null : WorkingHours.WeekendStart;
    public string? WeekendEnd => WeekendClosed ? null : WorkingHours.WeekendEnd;
    public long DeliveryCostTenge => Delivery.DeliveryCost / 100;
    public long FreeDeliveryThresholdTenge => Delivery.FreeDeliveryAmount / 100;
    public bool PickupAvailable => Delivery.PickupAvailable;
    public bool DeliveryAvailable => Delivery.DeliveryAvailable;
}

public static class GetShopSettingsHandler
{
    public static async Task<ShopSettingsAnswer> Handle(GetShopSettings query, IQuerySession session, CancellationToken ct)
    {
        var (shop, profile, hours, delivery) = await ShopWithSettings.LoadAsync(session, query.ShopId, ct);
        if (query.Public && shop.IsBlocked) throw new ShopUnavailableException(shop.Id);
        var updated = await session.Query<ShopSettings>().Where(s => s.AnyTenant() && s.Id == shop.Id).Select(s => s.UpdatedAt).FirstOrDefaultAsync(ct);
        return new ShopSettingsAnswer(shop.Id, shop.Name, shop.City, profile.Description, profile.Address ?? shop.Address, profile.Phone ?? shop.Phone,
            profile.Instagram, profile.WhatsApp, profile.Currency, profile.MinimumOrder, profile.WelcomeText, profile.PickupPoints ?? [],
            WorkingHoursView.Of(hours), DeliverySettingsView.Of(delivery), delivery.Zones.FirstOrDefault()?.Price.Tiyn ?? 0, !shop.IsBlocked,
            shop.CreatedAt, updated == default ? shop.CreatedAt : updated);
    }

    public static async Task<PublicShopSettings> Handle(GetPublicShopSettings query, IQuerySession session, CancellationToken ct)
    {
        var (shop, profile, hours, delivery) = await ShopWithSettings.LoadAsync(session, query.ShopId, ct);
        if (shop.IsBlocked) throw new ShopUnavailableException(shop.Id);
        return new PublicShopSettings(shop.Id, shop.Name, shop.City, profile.Description, profile.Address ?? shop.Address, profile.Phone ?? shop.Phone,
            profile.Instagram, profile.WhatsApp, profile.Currency, profile.MinimumOrder, profile.WelcomeText, profile.PickupPoints ?? [],
            WorkingHoursView.Of(hours), DeliverySettingsView.Of(delivery));
    }
}
