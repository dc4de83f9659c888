using Cvety.Domain.Products;
using Marten;
using JasperFx.Events;
using Marten.Events.Projections;
using Weasel.Postgresql;

using Weasel.Postgresql.Tables;

namespace Cvety.Application.Search;

/// <summary>
/// The text search index of the catalog, kept by an inline projection of the product events (so it is written in the
/// same transaction, and a rebuild of the projections rebuilds it):
/// <list type="bullet">
/// <item><c>product_search</c>: per product, the fields filters need and the search text, with its Russian
/// <c>tsvector</c> stored as a generated column under a GIN index, so matching and ranking never re-parse text;</item>
/// <item><c>product_words</c>: every word the shop's catalog uses, under a trigram index, to correct misspelled query
/// words ("эустамы" becomes "эустомы") before the full-text search.</item>
/// </list>
/// </summary>
public sealed partial class ProductSearchIndex : EventProjection
{
    public const string SearchTable = "product_search";
    public const string WordsTable = "product_words";

    public ProductSearchIndex(string schema)
    {
        var search = new Table(new PostgresqlObjectName(schema, SearchTable, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        search.AddColumn<string>("tenant_id").AsPrimaryKey();
        search.AddColumn<int>("id").AsPrimaryKey();
        search.AddColumn<bool>("enabled").NotNull();
        search.AddColumn<string>("type").NotNull();
        search.AddColumn<long>("price").NotNull();
        search.AddColumn("cities", "text[]").NotNull();
        search.AddColumn("tags", "text[]").NotNull();
        search.AddColumn<string>("search_text").NotNull();
        search.AddColumn("vector", "tsvector").GeneratedAs("to_tsvector('russian'::regconfig, search_text)");
        search.Indexes.Add(new IndexDefinition("product_search_vector") { Columns = ["vector"], Method = IndexMethod.gin });
        SchemaObjects.Add(search);

        var words = new Table(new PostgresqlObjectName(schema, WordsTable, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        words.AddColumn<string>("tenant_id").AsPrimaryKey();
        words.AddColumn<string>("word").AsPrimaryKey();
        words.Indexes.Add(new IndexDefinition("product_words_trigrams") { Columns = ["word"], Method = IndexMethod.gin, Mask = "? gin_trgm_ops" });
        SchemaObjects.Add(words);

        _upsert = $"insert into {schema}.{SearchTable} as s (tenant_id, id, enabled, type, price, cities, tags, search_text) values (?::text, ?::int, ?::boolean, ?::text, ?::bigint, ?::text[], ?::text[], ?::text) " +
                     "on conflict (tenant_id, id) do update set type = excluded.type, price = excluded.price, cities = excluded.cities, " +
                     "tags = excluded.tags, search_text = excluded.search_text, enabled = coalesce(?::boolean, s.enabled)";
        _addWords = $"insert into {schema}.{WordsTable} (tenant_id, word) select ?::text, w from unnest(?::text[]) as w on conflict do nothing";
        _enable = $"update {schema}.{SearchTable} set enabled = ?::boolean where tenant_id = ?::text and id = ?::int";
        _delete = $"delete from {schema}.{SearchTable} where tenant_id = ?::text and id = ?::int";
    }

    private readonly string _delete;

    private readonly string _upsert;
    private readonly string _addWords;
    private readonly string _enable;

    public void Project(IEvent<ProductCreated> e, IDocumentOperations ops) => Write(ops, e.Data.ProductId, e.Data.Info, e.Data.Enabled, e.Data.Enabled);

    // An update does not know availability: the row keeps what it has.
    public void Project(IEvent<ProductUpdated> e, IDocumentOperations ops) => Write(ops, e.Data.ProductId, e.Data.Info, true, null);

    public void Project(IEvent<ProductAvailabilityChanged> e, IDocumentOperations ops) =>
        ops.QueueSqlCommand(_enable, e.Data.Enabled, ops.TenantId, e.Data.ProductId);

    // An archived product leaves every search, staff's too.
    public void Project(IEvent<ProductArchived> e, IDocumentOperations ops) =>
        ops.QueueSqlCommand(_delete, ops.TenantId, e.Data.ProductId);

    private void Write(IDocumentOperations ops, int id, ProductInfo info, bool enabled, bool? overrideEnabled)
    {
        var text = Product.SearchTextOf(info);
        ops.QueueSqlCommand(_upsert, ops.TenantId, id, enabled, info.Type, info.Price.Tiyn, (info.Cities ?? []).ToArray(), (info.Tags ?? []).ToArray(), text,
            (object?)overrideEnabled ?? DBNull.Value);
        ops.QueueSqlCommand(_addWords, ops.TenantId, WordsOf(text));
    }

    /// <summary>The distinct lower-case words of three letters or more; numbers ("№125", "65") are not words anyone misspells.</summary>
    public static string[] WordsOf(string text) =>
        text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetter).ToArray()))
            .Where(w => w.Length >= 3 && w.Length <= 60)
            .Distinct()
            .ToArray();
}
