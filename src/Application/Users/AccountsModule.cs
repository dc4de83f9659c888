using Cvety.Application.Shops;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using JasperFx.Events.Projections;
using Marten;

namespace Cvety.Application.Users;

public static class AccountsModule
{
    /// <summary>
    /// Accounts and shops are the platform's, not a shop's: their streams and documents live outside every tenant,
    /// and only the account and shop use cases (with their own checks) read them.
    /// </summary>
    public static StoreOptions AddAccounts(this StoreOptions opts)
    {
        // A global projection: the user document is single-tenanted while the store's events stay conjoined; Marten files
        // account streams under the default tenant whichever session appends to them.
        opts.Projections.AddGlobalProjection(new UserProjection(), ProjectionLifecycle.Inline);
        // Shops and invitations are folded across streams (by integer shop id, by invitation id), which Marten's global
        // projections do not cover: their streams and documents live in the default tenant, where the account use cases
        // (invoked without a shop) write them; a shop's session reads its shop through ShopStreams.LoadAsync.
        opts.Projections.Add(new ShopProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new InvitationProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new ShopSettingsProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<User>().UniqueIndex(u => u.Phone);
        opts.Schema.For<Invitation>().Index(i => i.Phone);
        return opts;
    }
}
