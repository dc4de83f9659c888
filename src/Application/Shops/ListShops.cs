using Cvety.Application.Common;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using Marten;

namespace Cvety.Application.Shops;

/// <summary>The marketplace's shop list: active shops for everyone; every shop, blocked ones too, for the superadmin.</summary>
public sealed record ListShops(bool IncludeBlocked = false);

/// <summary>A shop as the marketplace shows it. The rating is a placeholder until reviews exist.</summary>
public sealed record ShopCard(int Id, string Name, string City, string? Phone, string? Address, long DeliveryFee, double? Rating, bool IsActive, DateTimeOffset CreatedAt)
{
    public static ShopCard Of(Shop shop) =>
        new(shop.Id, shop.Name, shop.City, shop.Phone, shop.Address, shop.DeliveryFee.Tiyn, null, !shop.IsBlocked, shop.CreatedAt);
}

public static class ListShopsHandler
{
    public static async Task<IReadOnlyList<ShopCard>> Handle(ListShops query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        if (query.IncludeBlocked && !currentUser.Actor.IsSuperadmin) throw new ForbiddenException("Only the superadmin lists blocked shops.");
        IQueryable<Shop> shops = session.Query<Shop>();
        if (!query.IncludeBlocked) shops = shops.Where(s => !s.IsBlocked);
        return (await shops.OrderBy(s => s.Id).ToListAsync(ct)).Select(ShopCard.Of).ToList();
    }
}
