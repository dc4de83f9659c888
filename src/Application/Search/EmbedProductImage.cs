using Cvety.Domain.Products;
using Marten;
using Microsoft.Extensions.Logging;

namespace Cvety.Application.Search;

/// <summary>A product's images changed: embed its primary image again (or forget it when it has none).</summary>
public sealed record EmbedProductImage(int ProductId);

/// <summary>A product was enabled, disabled, renamed or repriced: photo search shows enabled products only, with their current name and price.</summary>
public sealed record RefreshProductVector(int ProductId);

public static class EmbedProductImageHandler
{
    public static async Task Handle(EmbedProductImage message, IDocumentSession session, IImageEmbedder embedder, ProductVectorIndex index, TimeProvider clock,
        ILogger<EmbedProductImage> logger, CancellationToken ct)
    {
        var product = await session.LoadAsync<Product>(message.ProductId, ct);
        var stored = await session.LoadAsync<ProductEmbedding>(message.ProductId, ct);
        if (product?.Image is not { } url)
        {
            if (stored is { Removed: false })
            {
                stored.Removed = true;
                stored.Vector = [];
                stored.UpdatedAt = clock.GetUtcNow();
                session.Store(stored);
            }
            if (product is not null) index.Remove(product.ShopId, product.Id);
            return;
        }
        if (stored is { Removed: false } && stored.ImageUrl == url)
        {
            if (stored.Follow(product)) Save(session, index, stored, clock);
            return;
        }

        ImageEmbedding embedding;
        try
        {
            embedding = await embedder.EmbedAsync(ImageInput.FromUrl(url), ct);
        }
        catch (ImageUnreadableException e)
        {
            // Retrying will not make a missing or broken image readable: the product is just not findable by photo.
            logger.LogWarning("Product {ProductId}: image {Url} cannot be embedded: {Reason}", product.Id, url, e.Message);
            return;
        }
        var record = new ProductEmbedding
        {
            Id = product.Id, ShopId = product.ShopId, ImageUrl = url, Model = embedding.Model, Vector = embedding.Vector, EmbeddedAt = clock.GetUtcNow(),
        };
        record.Follow(product);
        Save(session, index, record, clock);
    }


    public static async Task Handle(RefreshProductVector message, IDocumentSession session, ProductVectorIndex index, TimeProvider clock, CancellationToken ct)
    {
        var product = await session.LoadAsync<Product>(message.ProductId, ct);
        var stored = await session.LoadAsync<ProductEmbedding>(message.ProductId, ct);
        if (product is null || stored is null || !stored.Follow(product)) return;
        Save(session, index, stored, clock);
    }

    /// <summary>The channel on which every API node hears that a product's vector changed (ADR 0026).</summary>
    public const string Channel = "cvety_vectors";

    private static void Save(IDocumentSession session, ProductVectorIndex index, ProductEmbedding record, TimeProvider clock)
    {
        record.UpdatedAt = clock.GetUtcNow();
        session.Store(record);
        // Told at commit, in the same transaction: the other nodes load the record and update their own index.
        session.QueueSqlCommand($"select pg_notify('{Channel}', ?)", $"{record.ShopId}:{record.Id}");
        index.Apply(record);
    }
}
