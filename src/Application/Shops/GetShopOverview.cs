using Cvety.Application.Common;
using Cvety.Application.Users;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using Marten;

namespace Cvety.Application.Shops;

/// <summary>What the superadmin sees of a shop: the card, why it is blocked, and its people.</summary>
/// <summary>The superadmin's view of a shop; <c>shop</c>, <c>owner</c> and <c>stats</c> are the legacy answer's wrapper the admin SPA reads.</summary>
public sealed record ShopOverview(int Id, string Name, string City, string? Phone, string? Address, long DeliveryFee, bool IsActive, string? BlockReason,
    DateTimeOffset CreatedAt, int UsersCount, IReadOnlyList<UserView> Users)
{
    public ShopCard Shop => new(Id, Name, City, Phone, Address, DeliveryFee, null, IsActive, CreatedAt);
    public UserView? Owner => Users.FirstOrDefault(u => u.Role == "DIRECTOR" && u.IsActive) ?? Users.FirstOrDefault(u => u.Role == "DIRECTOR");
    public ShopStats Stats { get; init; } = new(0, 0, 0);
}

public sealed record ShopStats(int ProductsCount, int OrdersCount, int UsersCount);

/// <summary>The superadmin's view of one shop, with its users.</summary>
public sealed record GetShopOverview(int ShopId);

public static class GetShopOverviewHandler
{
    public static async Task<ShopOverview> Handle(GetShopOverview query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        if (!currentUser.Actor.IsSuperadmin) throw new ForbiddenException("Only the superadmin sees a shop's overview.");
        var shop = await ShopStreams.LoadAsync(session, query.ShopId, ct);
        var users = (await session.Query<User>().Where(u => u.ShopId == shop.Id).OrderBy(u => u.CreatedAt).ToListAsync(ct)).Select(UserView.Of).ToList();
        var products = await session.Query<Domain.Products.Product>().Where(p => p.AnyTenant() && p.ShopId == shop.Id).CountAsync(ct);
        var orders = await session.Query<Orders.OrderDetails>().Where(o => o.AnyTenant() && o.ShopId == shop.Id).CountAsync(ct);
        return new ShopOverview(shop.Id, shop.Name, shop.City, shop.Phone, shop.Address, shop.DeliveryFee.Tiyn, !shop.IsBlocked, shop.BlockReason,
            shop.CreatedAt, users.Count, users) { Stats = new ShopStats(products, orders, users.Count(u => u.IsActive)) };
    }
}
