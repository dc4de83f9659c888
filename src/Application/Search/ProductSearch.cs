using Cvety.Domain.Products;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Cvety.Application.Search;

/// <summary>Filters of a catalog query; prices in tiyn.</summary>
public sealed record ProductFilter(
    string? Search = null, string? Type = null, long? MinPrice = null, long? MaxPrice = null, string? City = null,
    IReadOnlyList<string>? Tags = null, bool EnabledOnly = false, int Skip = 0, int Limit = 100);

/// <summary>
/// Text search over one shop's catalog in PostgreSQL: Russian full-text search (stems: "розы" finds "роза") or
/// trigram word similarity (typos: "эустамы" finds "Эустомы"), ranked full-text matches first, then by similarity.
/// Both conditions are served by GIN indexes on the product's search text (see <see cref="Products.ProductsModule"/>).
/// </summary>
public static class ProductSearch
{
    /// <summary>How alike a misspelled word must be (pg_trgm word similarity, 0..1); the extension's default 0.6 misses one-letter typos in short words.</summary>
    public const double TypoThreshold = 0.4;

    public static async Task<IReadOnlyList<Product>> FindAsync(IQuerySession session, ProductFilter filter, CancellationToken ct)
    {
        var table = $"{session.DocumentStore.Options.DatabaseSchemaName}.mt_doc_product";
        var text = string.IsNullOrWhiteSpace(filter.Search) ? null : filter.Search.Trim();
        var sql = $"""
            select d.data from {table} d
            where d.tenant_id = $1
              and ($2 = false or (d.data ->> 'Enabled')::boolean)
              and ($3::text is null or d.data ->> 'Type' = $3)
              and ($4::bigint is null or (d.data ->> 'Price')::bigint >= $4)
              and ($5::bigint is null or (d.data ->> 'Price')::bigint <= $5)
              and ($6::text is null or d.data -> 'Cities' ? $6)
              and ($7::text[] is null or d.data -> 'Tags' ?& $7)
              and ($8::text is null or to_tsvector('russian', d.search_text) @@ websearch_to_tsquery('russian', $8) or $8 <% d.search_text)
            order by
              case when $8::text is null then 0 else ts_rank(to_tsvector('russian', d.search_text), websearch_to_tsquery('russian', $8)) end desc,
              case when $8::text is null then 0 else word_similarity($8, d.search_text) end desc,
              d.id
            limit $9 offset $10
            """;

        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        // Local to the batch's implicit transaction: the threshold of the <% operator for this query only.
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"select set_config('pg_trgm.word_similarity_threshold', '{TypoThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}', true)"));
        var query = new NpgsqlBatchCommand(sql);
        query.Parameters.Add(new NpgsqlParameter { Value = session.TenantId, NpgsqlDbType = NpgsqlDbType.Text });
        query.Parameters.Add(new NpgsqlParameter { Value = filter.EnabledOnly, NpgsqlDbType = NpgsqlDbType.Boolean });
        query.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Type ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        query.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.MinPrice ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        query.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.MaxPrice ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        query.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.City ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        query.Parameters.Add(new NpgsqlParameter { Value = filter.Tags is { Count: > 0 } tags ? tags.ToArray() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        query.Parameters.Add(new NpgsqlParameter { Value = (object?)text ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        query.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(filter.Limit, 1, 500), NpgsqlDbType = NpgsqlDbType.Integer });
        query.Parameters.Add(new NpgsqlParameter { Value = Math.Max(0, filter.Skip), NpgsqlDbType = NpgsqlDbType.Integer });
        batch.BatchCommands.Add(query);

        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        var products = new List<Product>();
        while (await reader.ReadAsync(ct)) products.Add(session.DocumentStore.Options.Serializer().FromJson<Product>(reader, 0));
        return products;
    }
}
