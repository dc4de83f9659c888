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
/// Folds a product's events into the <see cref="Product"/> document, inline: the catalog's read model, and the state
/// product decisions are made on. What the events set going is decided in <see cref="Reactions"/>.
/// </summary>
public sealed partial class ProductProjection : MultiStreamProjection<Product, int>
{
    public ProductProjection()
    {
        Identity<IProductEvent>(e => e.ProductId);
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

    public Product Apply(IEvent<ProductArchived> e, Product product)
    {
        (product.Archived, product.Enabled) = (true, false);
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
