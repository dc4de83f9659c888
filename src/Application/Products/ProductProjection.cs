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
        var sendToBitrix = false;
        foreach (var e in slice.Events())
        {
            switch (e.Data)
            {
                case ProductImagesChanged:
                    slice.PublishMessage(new EmbedProductImage(product.Id), MessageMetadata.From(e));
                    break;
                case ProductAvailabilityChanged or ProductUpdated:
                    slice.PublishMessage(new RefreshProductVector(product.Id), MessageMetadata.From(e));
                    break;
            }
            if (e.Data is ProductUpdated or ProductAvailabilityChanged or ProductImagesChanged
                && product.BitrixId is not null && ((IProductEvent)e.Data).By.Source != Sources.Bitrix)
                sendToBitrix = true;
        }
        if (sendToBitrix) slice.PublishMessage(new UpdateProductInBitrix(product.Id), MessageMetadata.From(slice.Events()[^1]));
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
