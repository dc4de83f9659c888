using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Clients;
using Cvety.Domain.Common;
using Marten;

namespace Cvety.Application.Clients;

/// <summary>
/// Gives every phone the shop's orders name a client of its own (a stream, registered by "sync"), as the legacy sync
/// did. The cards themselves already count those orders (they are projections of orders too); this makes each such
/// client an entity staff can edit. Running it again creates nothing.
/// </summary>
public sealed record SyncClients;

public sealed record ClientsSynced(string Message, int CreatedCount, int ExistingCount, int TotalPhones);

public static class SyncClientsHandler
{
    // The session: it reads which streams exist before starting the missing ones.
    public static async Task<ClientsSynced> Handle(SyncClients _, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var actor = currentUser.RequireStaff();
        var shopId = Tenancy.ShopOf(session);
        var phones = (await session.Query<OrderDetails>().Select(o => o.CustomerPhone).ToListAsync(ct))
            .Where(p => PhoneNumber.TryParse(p, out PhoneNumber _)).Distinct().ToList();
        var origin = new Origin(Sources.System, "clients-sync", actor.Role?.ToString().ToUpperInvariant());
        var created = 0;
        foreach (var phone in phones)
        {
            var id = ClientIds.For(shopId, phone);
            if (await session.Events.FetchStreamStateAsync(id, ct) is not null) continue;
            var card = await session.LoadAsync<ClientCard>(id, ct);
            session.Append(id, new ClientRegistered(id, shopId, phone, card?.Name, origin, card?.Email));
            created++;
        }
        return new ClientsSynced(created == 0 ? "Все клиенты уже синхронизированы" : $"Создано клиентов: {created}", created, phones.Count - created, phones.Count);
    }
}
