using Cvety.Application.Common;
using Cvety.Application.Users;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using Marten;

namespace Cvety.Application.Shops;

/// <summary>One shop's public card; blocked shops are "unavailable" to the public.</summary>
public sealed record GetShopCard(int ShopId);

public static class GetShopCardHandler
{
    public static async Task<ShopCard> Handle(GetShopCard query, IQuerySession session, CancellationToken ct) =>
        ShopCard.Of(await ShopStreams.LoadOpenAsync(session, query.ShopId, ct));
}
