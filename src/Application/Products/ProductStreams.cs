using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Products;
using Cvety.Domain.Users;
using Marten;
using Wolverine;

namespace Cvety.Application.Products;

/// <summary>
/// A product's events live in a stream named after its public integer id; the <see cref="Product"/> document is the
/// inline projection of that stream, so reading it after a write sees the write.
/// </summary>
public static class ProductStreams
{

    /// <summary>The stream of product <paramref name="productId"/>: a fixed prefix and the id, so no lookup is needed.</summary>
    public static Guid StreamOf(int productId)
    {
        Span<byte> bytes = stackalloc byte[16];
        "cvety-product:"u8.CopyTo(bytes);
        BitConverter.TryWriteBytes(bytes[12..], productId);
        return new Guid(bytes);
    }

    /// <summary>Product ids come from one database sequence: short integers, as the legacy API and Bitrix expect.</summary>
    public static async Task<int> NextIdAsync(IQuerySession session, CancellationToken ct)
    {
        var ids = await session.AdvancedSql.QueryAsync<long>($"select nextval('{session.DocumentStore.Options.DatabaseSchemaName}.{ProductsModule.IdSequence}')", ct);
        return checked((int)ids[0]);
    }

    public static async Task<Product> LoadAsync(IQuerySession session, int productId, CancellationToken ct) =>
        await session.LoadAsync<Product>(productId, ct) ?? throw new NotFoundException("Product", productId);

    /// <summary>
    /// Appends what a decision returned, expecting the version the decision saw, so two editors cannot both win. What
    /// the events set going is raised as they are committed (<see cref="Reactions"/>). Not Wolverine's aggregate
    /// workflow: the stream is named after the integer product id and folded by a multi-stream projection, so the
    /// decision is made on the <see cref="Product"/> document and appended at its revision.
    /// </summary>
    public static void Append(this IDocumentSession session, Product product, object[] events)
    {
        if (events.Length == 0) return;
        session.Events.Append(StreamOf(product.Id), product.Revision + events.Length, events);
    }

    public static void StartProduct(this IDocumentSession session, int productId, object[] events)
    {
        session.Events.StartStream(StreamOf(productId), events);
    }

    public static Origin RequireCatalogEditor(this ICurrentUser currentUser) =>
        Origins.Of(currentUser.Require(Permission.ManageCatalog, "Only managers and directors edit the catalog."));
}
