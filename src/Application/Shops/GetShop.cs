using Cvety.Application.Common;
using Cvety.Application.Users;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using Marten;

namespace Cvety.Application.Shops;

/// <summary>One shop's public card; blocked shops are "unavailable" to the public.</summary>
public sealed record GetShopCard(int ShopId);

/// <summary>A shop's card whether or not it is blocked (the superadmin's pages).</summary>
public sealed record GetShopCardAnyState(int ShopId);

public static class GetShopCardHandler
{
    public static async Task<ShopCard> Handle(GetShopCard query, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        (await ListShopsHandler.CardsAsync(session, [await ShopStreams.LoadOpenAsync(session, query.ShopId, ct)], clock.GetUtcNow(), ct))[0];

    public static async Task<ShopCard> Handle(GetShopCardAnyState query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        Platform.Superadmin.Require(currentUser);
        return ShopCard.Of(await ShopStreams.LoadAsync(session, query.ShopId, ct));
    }
}
