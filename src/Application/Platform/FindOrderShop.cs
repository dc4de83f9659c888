using Cvety.Application.Common;
using Cvety.Application.Orders;
using Marten;

namespace Cvety.Application.Platform;

/// <summary>Which shop an order belongs to, for the superadmin's cross-shop routes; they then act in that shop.</summary>
public sealed record FindOrderShop(Guid OrderId);

public static class FindOrderShopHandler
{
    public static async Task<int> Handle(FindOrderShop query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        Superadmin.Require(currentUser);
        var shops = await session.Query<OrderDetails>().Where(o => o.AnyTenant() && o.Id == query.OrderId).Select(o => o.ShopId).ToListAsync(ct);
        return shops.Count > 0 ? shops[0] : throw new NotFoundException("Order", query.OrderId);
    }
}
