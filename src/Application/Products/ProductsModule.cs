using Cvety.Application.Inventory;
using Cvety.Application.Search;
using Cvety.Domain.Inventory;
using Cvety.Domain.Products;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Postgresql;

namespace Cvety.Application.Products;

public static class ProductsModule
{
    public const string IdSequence = "product_ids";

    /// <summary>Products and warehouse items as event streams with inline projections, and what search needs.</summary>
    public static StoreOptions AddProducts(this StoreOptions opts)
    {
        // Before anything that indexes with it.
        opts.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));
        opts.Projections.Add(new ProductProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<Product>().Index(x => x.BitrixId!);
        opts.Projections.Add(new ProductSearchIndex(opts.DatabaseSchemaName), ProjectionLifecycle.Inline);
        opts.Storage.ExtendedSchemaObjects.Add(new Sequence(new PostgresqlObjectName(opts.DatabaseSchemaName, IdSequence, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General), 1000));

        opts.Projections.Add<WarehouseItemProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<Inventory.StockTakeProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<WarehouseItem>();
        opts.Schema.For<OrderStock>();
        opts.Schema.For<ProductEmbedding>().Index(x => x.UpdatedAt);
        return opts;
    }
}
