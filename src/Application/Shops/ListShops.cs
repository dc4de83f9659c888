using Cvety.Application.Common;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using Marten;

namespace Cvety.Application.Shops;

/// <summary>The marketplace's shop list: active shops for everyone; every shop, blocked ones too, for the superadmin.</summary>
public sealed record ListShops(bool IncludeBlocked = false);

/// <summary>
/// A shop as the marketplace shows it: its reviews' average and count, whether it is open now in its own time, and what
/// delivery costs (<c>delivery_cost_tenge</c> in whole tenge, as the legacy list had it; <c>delivery_fee</c> in tiyn).
/// </summary>
public sealed record ShopCard(int Id, string Name, string City, string? Phone, string? Address, long DeliveryFee, double? Rating, bool IsActive, DateTimeOffset CreatedAt)
{
    public int ReviewCount { get; init; }
    public bool IsOpen { get; init; }
    public bool DeliveryAvailable { get; init; } = true;
    public bool PickupAvailable { get; init; } = true;
    public long DeliveryCostTenge => DeliveryFee / 100;

    public static ShopCard Of(Shop shop) =>
        new(shop.Id, shop.Name, shop.City, shop.Phone, shop.Address, shop.DeliveryFee.Tiyn, null, !shop.IsBlocked, shop.CreatedAt);
}

public static class ListShopsHandler
{
    public static async Task<IReadOnlyList<ShopCard>> Handle(ListShops query, IQuerySession session, ICurrentUser currentUser, TimeProvider clock, CancellationToken ct)
    {
        if (query.IncludeBlocked && !currentUser.Actor.IsSuperadmin) throw new ForbiddenException("Only the superadmin lists blocked shops.");
        IQueryable<Shop> shops = session.Query<Shop>();
        if (!query.IncludeBlocked) shops = shops.Where(s => !s.IsBlocked);
        return await CardsAsync(session, await shops.OrderBy(s => s.Id).ToListAsync(ct), clock.GetUtcNow(), ct);
    }

    /// <summary>The cards with what the marketplace shows beside each shop: reviews, open now, delivery.</summary>
    public static async Task<IReadOnlyList<ShopCard>> CardsAsync(IQuerySession session, IReadOnlyList<Shop> shops, DateTimeOffset now, CancellationToken ct)
    {
        var ids = shops.Select(s => s.Id).ToArray();
        var settings = (await session.Query<ShopSettings>().Where(s => s.AnyTenant() && ids.Contains(s.Id)).ToListAsync(ct)).ToDictionary(s => s.Id);
        var ratings = (await session.Query<Reviews.Review>().Where(r => r.AnyTenant() && !r.Hidden && ids.Contains(r.ShopId))
                .Select(r => new { r.ShopId, r.Rating }).ToListAsync(ct))
            .GroupBy(r => r.ShopId).ToDictionary(g => g.Key, g => (Average: Math.Round(g.Average(r => r.Rating), 2), Count: g.Count()));
        return shops.Select(shop =>
        {
            var hours = settings.GetValueOrDefault(shop.Id)?.Hours ?? WorkingHours.Default;
            var delivery = settings.GetValueOrDefault(shop.Id)?.Delivery ?? DeliverySettings.DefaultFor(shop.DeliveryFee);
            var local = hours.Local(now);
            var open = hours.On(DateOnly.FromDateTime(local.DateTime)) is var (opens, closes) && TimeOnly.FromDateTime(local.DateTime) is var time && time >= opens && time < closes;
            var rated = ratings.TryGetValue(shop.Id, out var r);
            return ShopCard.Of(shop) with
            {
                DeliveryFee = delivery.Zones.FirstOrDefault()?.Price.Tiyn ?? shop.DeliveryFee.Tiyn,
                Rating = rated ? r.Average : null, ReviewCount = rated ? r.Count : 0, IsOpen = open && !shop.IsBlocked,
                DeliveryAvailable = delivery.DeliveryAvailable, PickupAvailable = delivery.PickupAvailable,
            };
        }).ToList();
    }
}
