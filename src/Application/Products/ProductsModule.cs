using Cvety.Application.Inventory;
using Cvety.Application.Search;
using Cvety.Domain.Inventory;
using Cvety.Domain.Products;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Cvety.Application.Products;

public static class ProductsModule
{
    public const string IdSequence = "product_ids";

    /// <summary>Products and warehouse items as event streams with inline projections, and what search needs.</summary>
    public static StoreOptions AddProducts(this StoreOptions opts)
    {
        opts.Projections.Add(new ProductProjection(), ProjectionLifecycle.Inline);
        // The search text is a real column with a trigram index (typos) and a Russian full-text index.
        opts.Schema.For<Product>()
            .Duplicate(x => x.SearchText, configure: index =>
            {
                index.Method = IndexMethod.gin;
                index.Mask = "? gin_trgm_ops";
            })
            .Index(x => x.BitrixId!);
        opts.Schema.For<Product>().Index(x => x.SearchText, index =>
        {
            index.Method = IndexMethod.gin;
            index.Name = "mt_doc_product_idx_search_fts";
            index.Mask = "to_tsvector('russian'::regconfig, ?)";
        });
        opts.Storage.ExtendedSchemaObjects.Add(new Sequence(new PostgresqlObjectName(opts.DatabaseSchemaName, IdSequence, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General), 1000));
        opts.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));

        opts.Projections.Add<WarehouseItemProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<WarehouseItem>().Index(x => x.Available);
        opts.Schema.For<OrderStock>();
        opts.Schema.For<ProductEmbedding>().Index(x => x.UpdatedAt);
        return opts;
    }
}
