using Cvety.Application.Products;
using Cvety.Domain.Common;
using Cvety.Domain.Products;
using Marten;
using Wolverine;

namespace Cvety.Application.Bitrix;

/// <summary>Which of our products a Bitrix product is; the key's uniqueness makes two racing creations of one product fail over to an update.</summary>
public sealed record BitrixProductLink(string Id, int ProductId)
{
    public static string KeyOf(long bitrixId) => "bitrix-product:" + bitrixId;
}

/// <summary>
/// Brings one of our products in line with Bitrix's version of it: created when new (matched by its Bitrix id),
/// otherwise only what differs is recorded; the same data twice records nothing. Changes are stamped as coming from
/// Bitrix, which is what keeps them from being sent back (see <see cref="ProductProjection"/>).
/// </summary>
public static class BitrixProductSync
{
    public static readonly Origin FromBitrix = new(Sources.Bitrix, Sources.Bitrix);

    public enum Outcome
    {
        Created,
        Updated,
        Unchanged,
        Deleted,
        Skipped,
    }

    public static async Task<(Outcome Outcome, int? ProductId)> ApplyAsync(IDocumentSession session, BitrixProductData data, CancellationToken ct)
    {
        var link = await session.LoadAsync<BitrixProductLink>(BitrixProductLink.KeyOf(data.BitrixId), ct);
        var product = link is null ? null : await session.LoadAsync<Product>(link.ProductId, ct);
        if (product is null)
        {
            var id = await ProductStreams.NextIdAsync(session, ct);
            session.StartProduct(id, ProductDecisions.Create(id, Common.Tenancy.ShopOf(session), data.Info, data.Available, data.BitrixId, data.Images, FromBitrix));
            session.Insert(new BitrixProductLink(BitrixProductLink.KeyOf(data.BitrixId), id));
            return (Outcome.Created, id);
        }

        // Bitrix owns what it sends; our own tags, colours and the like are kept.
        var info = data.Info with
        {
            Description = data.Info.Description ?? product.Description,
            ManufacturingTime = product.ManufacturingTime,
            ShelfLife = product.ShelfLife,
            IsFeatured = product.IsFeatured,
            Colors = product.Colors, Occasions = product.Occasions, Cities = product.Cities, Tags = product.Tags,
        };
        object[] events =
        [
            .. ProductDecisions.Update(product, info, FromBitrix),
            .. ProductDecisions.SetImages(product, data.Images, FromBitrix),
            .. ProductDecisions.SetAvailability(product, data.Available, data.Available ? null : "unavailable in Bitrix", FromBitrix),
        ];
        session.Append(product, events);
        return (events.Length == 0 ? Outcome.Unchanged : Outcome.Updated, product.Id);
    }

    /// <summary>A product deleted in Bitrix is disabled here, never deleted: orders and history still name it.</summary>
    public static async Task<(Outcome Outcome, int? ProductId)> DeleteAsync(IDocumentSession session, long bitrixId, CancellationToken ct)
    {
        var link = await session.LoadAsync<BitrixProductLink>(BitrixProductLink.KeyOf(bitrixId), ct);
        var product = link is null ? null : await session.LoadAsync<Product>(link.ProductId, ct);
        if (product is null) return (Outcome.Skipped, null);
        var events = ProductDecisions.SetAvailability(product, false, "deleted in Bitrix", FromBitrix);
        session.Append(product, events);
        return (events.Length == 0 ? Outcome.Skipped : Outcome.Deleted, product.Id);
    }
}
