using Cvety.Application.Bitrix;
using Cvety.Application.Search;
using Cvety.Domain.Common;
using Cvety.Domain.Products;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace Cvety.Application.Products;

/// <summary>
/// Folds a product's events into the <see cref="Product"/> document, inline. What the events set going leaves with
/// the same commit: a new image is embedded for photo search, an availability change reaches the photo index, and a
/// change made here to a Bitrix product is sent to Bitrix (never one that came from Bitrix).
/// </summary>
public sealed partial class ProductProjection : MultiStreamProjection<Product, int>
{
    public ProductProjection()
    {
        Identity<IProductEvent>(e => e.ProductId);
    }

    public override ValueTask RaiseSideEffects(IDocumentOperations operations, IEventSlice<Product> slice)
    {
        if (slice.Snapshot is not { } product) return ValueTask.CompletedTask;
        // One message of each kind per commit, however many events it holds: each carries only the id, and its handler reads the latest state.
        var events = slice.Events();
        if (events.Count == 0) return ValueTask.CompletedTask;
        var last = MessageMetadata.From(events[^1]);
        if (events.Any(e => e.Data is ProductImagesChanged))
            slice.PublishMessage(new EmbedProductImage(product.Id), last);
        if (events.Any(e => e.Data is ProductAvailabilityChanged or ProductUpdated))
            slice.PublishMessage(new RefreshProductVector(product.Id), last);
        if (product.BitrixId is not null && events.Any(e => e.Data is ProductUpdated or ProductAvailabilityChanged or ProductImagesChanged
                && ((IProductEvent)e.Data).By.Source != Sources.Bitrix))
            slice.PublishMessage(new UpdateProductInBitrix(product.Id), last);
        return ValueTask.CompletedTask;
    }

    public Product Create(IEvent<ProductCreated> e)
    {
        var product = new Product
        {
            Id = e.Data.ProductId,
            ShopId = e.Data.ShopId,
            Enabled = e.Data.Enabled,
            BitrixId = e.Data.BitrixId,
            CreatedAt = e.Timestamp,
        };
        product.Set(e.Data.Info);
        return Touched(product, e);
    }

    public Product Apply(IEvent<ProductUpdated> e, Product product)
    {
        product.Set(e.Data.Info);
        return Touched(product, e);
    }

    public Product Apply(IEvent<ProductAvailabilityChanged> e, Product product)
    {
        product.Enabled = e.Data.Enabled;
        return Touched(product, e);
    }

    public Product Apply(IEvent<ProductImagesChanged> e, Product product)
    {
        product.Images = [.. e.Data.Images];
        product.Image = e.Data.Images.FirstOrDefault(i => i.IsPrimary)?.Url;
        return Touched(product, e);
    }

    public Product Apply(IEvent<ProductCompositionSet> e, Product product)
    {
        product.Composition = [.. e.Data.Lines];
        return Touched(product, e);
    }

    private static Product Touched(Product product, IEvent e)
    {
        product.Revision = e.Version;
        product.UpdatedAt = e.Timestamp;
        return product;
    }
}
