using Cvety.Application.Common;
using Cvety.Domain.Shops;
using Marten;

namespace Cvety.Application.Shops;

public sealed record GetShop(int Id);

public static class GetShopHandler
{
    public static async Task<Shop> Handle(GetShop query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        // Another shop's id answers exactly like a missing one.
        if (!currentUser.Actor.BelongsTo(query.Id)) throw new NotFoundException("Shop", query.Id);
        return await session.LoadAsync<Shop>(query.Id, ct) ?? throw new NotFoundException("Shop", query.Id);
    }
}
