using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;

namespace Cvety.Application.Clients;

public static class ClientsModule
{
    /// <summary>Clients: event streams per shop, the card projected inline; a Telegram account and a phone name one client per shop.</summary>
    public static StoreOptions AddClients(this StoreOptions opts)
    {
        opts.Projections.Add<ClientCardProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<ClientCard>()
            .UniqueIndex(UniqueIndexType.Computed, "uq_client_telegram", TenancyScope.PerTenant, x => x.TelegramUserId!)
            .UniqueIndex(UniqueIndexType.Computed, "uq_client_phone", TenancyScope.PerTenant, x => x.Phone);
        return opts;
    }
}
