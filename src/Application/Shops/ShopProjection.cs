using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Shops;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Cvety.Application.Shops;

/// <summary>The <see cref="Shop"/> document, inline, from the shop's stream (named after its integer id, like a product's).</summary>
public sealed partial class ShopProjection : MultiStreamProjection<Shop, int>
{
    public ShopProjection()
    {
        Identity<IShopEvent>(e => e.ShopId);
    }

    public Shop Create(IEvent<ShopOpened> e) =>
        new(e.Data.ShopId, e.Data.Name, e.Data.City, e.Data.Phone, e.Data.Address, e.At(), e.Data.DeliveryFee) { Revision = (int)e.Version };

    public Shop Apply(IEvent<ShopBlocked> e, Shop shop) => shop with { IsBlocked = true, BlockReason = e.Data.Reason, Revision = (int)e.Version };

    public Shop Apply(IEvent<ShopUnblocked> e, Shop shop) => shop with { IsBlocked = false, BlockReason = null, Revision = (int)e.Version };

    // The team's invitations live in the shop's stream too; the shop itself only counts them as versions.
    public Shop Apply(IEvent<MemberInvited> e, Shop shop) => shop with { Revision = (int)e.Version };

    public Shop Apply(IEvent<InvitationCancelled> e, Shop shop) => shop with { Revision = (int)e.Version };

    public Shop Apply(IEvent<InvitationAccepted> e, Shop shop) => shop with { Revision = (int)e.Version };

    // Settings have a document of their own (ShopSettings); here they only count as versions.
    public Shop Apply(IEvent<ShopProfileChanged> e, Shop shop) => shop with { Revision = (int)e.Version };

    public Shop Apply(IEvent<ShopRenamed> e, Shop shop) => shop with { Name = e.Data.Name, City = e.Data.City, Revision = (int)e.Version };

    public Shop Apply(IEvent<WorkingHoursSet> e, Shop shop) => shop with { Revision = (int)e.Version };

    public Shop Apply(IEvent<DeliverySettingsSet> e, Shop shop) => shop with { Revision = (int)e.Version };
}

public static class ShopStreams
{
    public static Guid StreamOf(int shopId)
    {
        Span<byte> bytes = stackalloc byte[16];
        "cvety-shop:"u8.CopyTo(bytes);
        BitConverter.TryWriteBytes(bytes[12..], shopId);
        return new Guid(bytes);
    }

    public static void StartShop(this IDocumentSession session, ShopOpened opened)
    {
        session.Events.StartStream(StreamOf(opened.ShopId), opened);
    }

    /// <summary>
    /// Appends what a decision returned, expecting the version the decision saw. Not Wolverine's aggregate workflow: a
    /// shop's stream is named after its integer id and the <see cref="Shop"/> document lives outside every tenant.
    /// </summary>
    public static void Append(this IDocumentSession session, Shop shop, params object[] events)
    {
        if (events.Length == 0) return;
        session.Events.Append(StreamOf(shop.Id), shop.Revision + events.Length, events);
    }

    /// <summary>A shop, from any session: shops live outside every shop's tenant (see AccountsModule).</summary>
    public static async Task<Shop?> FindAsync(IQuerySession session, int shopId, CancellationToken ct) =>
        await session.Query<Shop>().Where(s => s.AnyTenant() && s.Id == shopId).FirstOrDefaultAsync(ct);

    public static async Task<Shop> LoadAsync(IQuerySession session, int shopId, CancellationToken ct) =>
        await FindAsync(session, shopId, ct) ?? throw new NotFoundException("Shop", shopId);

    public static async Task EnsureNotBlockedAsync(IQuerySession session, int shopId, CancellationToken ct)
    {
        if (await FindAsync(session, shopId, ct) is { IsBlocked: true }) throw new ShopUnavailableException(shopId);
    }

    /// <summary>A shop customers may buy from: it exists and is not blocked.</summary>
    public static async Task<Shop> LoadOpenAsync(IQuerySession session, int shopId, CancellationToken ct)
    {
        var shop = await LoadAsync(session, shopId, ct);
        return shop.IsBlocked ? throw new ShopUnavailableException(shopId) : shop;
    }
}
