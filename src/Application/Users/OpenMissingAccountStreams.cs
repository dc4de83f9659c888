using Cvety.Application.Orders;
using Cvety.Application.Shops;
using Cvety.Domain.Common;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using Marten;

namespace Cvety.Application.Users;

/// <summary>
/// Run at start-up. Databases made before accounts and shops became event streams hold their documents without
/// streams; each gets a stream that opens with what the document says, so that later changes have a history to
/// extend and a projection rebuild keeps them. Nothing happens once every document has its stream.
/// </summary>
public sealed record OpenMissingAccountStreams;

public static class OpenMissingAccountStreamsHandler
{
    public static async Task<int> Handle(OpenMissingAccountStreams _, IDocumentSession session, CancellationToken ct)
    {
        var migration = Origin.System("migration");
        var opened = 0;
        foreach (var user in await session.Query<User>().ToListAsync(ct))
        {
            if (await session.Events.FetchStreamStateAsync(user.Id, ct) is not null) continue;
            session.Events.StartStream<User>(user.Id, new UserRegistered(user.Id, user.Name, user.Phone, user.PasswordHash, user.Role, user.ShopId, user.Email, migration));
            opened++;
        }
        foreach (var shop in await session.Query<Shop>().Where(s => s.AnyTenant()).ToListAsync(ct))
        {
            if (await session.Events.FetchStreamStateAsync(ShopStreams.StreamOf(shop.Id), ct) is not null) continue;
            session.Events.StartStream(ShopStreams.StreamOf(shop.Id), new ShopOpened(shop.Id, shop.Name, shop.City, shop.Phone, shop.Address, shop.DeliveryFee, migration));
            opened++;
        }
        return opened;
    }
}
