using System.Data.Common;
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
/// Text search over one shop's catalog in PostgreSQL (<see cref="ProductSearchIndex"/>): Russian full-text search on
/// the stored vectors, so "розы" finds "роза", ranked. When that finds nothing, each query word is replaced by the
/// shop's closest catalog word by trigram similarity ("эустамы" by "эустомы", "букт" by "букет") and the search runs
/// once more. Filters and the shop are in the same statement.
/// </summary>
/// <summary>A page of products and how many matched in all (for <c>X-Total-Count</c>).</summary>
public sealed record ProductPage(IReadOnlyList<Product> Items, long Total);

public static class ProductSearch
{
    public static async Task<ProductPage> FindAsync(IQuerySession session, ProductFilter filter, CancellationToken ct)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var text = string.IsNullOrWhiteSpace(filter.Search) ? null : filter.Search.Trim()[..Math.Min(filter.Search.Trim().Length, 200)];
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(ct);

        // One round trip: the search, and (for a first page with text) the query's words corrected against the
        // catalog, used only when the search finds nothing.
        var words = text is null || filter.Skip > 0 ? [] : ProductSearchIndex.WordsOf(text);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Query(session, schema, filter, text));
        if (words.Length > 0) batch.BatchCommands.Add(Correction(session.TenantId, schema, words));
        // Prepared on the pooled connection: later searches skip planning (about 2 ms of each).
        await batch.PrepareAsync(ct);

        ProductPage found;
        string? corrected = null;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            found = await ReadProductsAsync(reader, session, ct);
            if (words.Length > 0 && await reader.NextResultAsync(ct)) corrected = await ReadCorrectionAsync(reader, ct);
        }
        if (found.Items.Count > 0 || corrected is null) return found;

        await using var again = new NpgsqlBatch(connection);
        again.BatchCommands.Add(Query(session, schema, filter, corrected));
        await again.PrepareAsync(ct);
        await using var second = await again.ExecuteReaderAsync(ct);
        return await ReadProductsAsync(second, session, ct);
    }

    private static NpgsqlBatchCommand Query(IQuerySession session, string schema, ProductFilter filter, string? text)
    {
        // The ranking and the page are decided on the narrow search rows; only the page's documents are read.
        var sql = $"""
            with page as (
              select s.id, {(text is null ? "0::real" : "ts_rank(s.vector, websearch_to_tsquery('russian', $8))")} as rank, count(*) over () as total
              from {schema}.{ProductSearchIndex.SearchTable} s
              where s.tenant_id = $1
                and ($2 = false or s.enabled)
                and ($3::text is null or s.type = $3)
                and ($4::bigint is null or s.price >= $4)
                and ($5::bigint is null or s.price <= $5)
                and ($6::text is null or s.cities @> array[$6::text])
                and ($7::text[] is null or s.tags @> $7)
                {(text is null ? "and $8::text is null" : "and s.vector @@ websearch_to_tsquery('russian', $8)")}
              order by rank desc, s.id
              limit $9 offset $10)
            select d.data, page.total from page join {schema}.mt_doc_product d on d.tenant_id = $1 and d.id = page.id
            order by page.rank desc, page.id
            """;
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = session.TenantId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = filter.EnabledOnly, NpgsqlDbType = NpgsqlDbType.Boolean });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Type ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.MinPrice ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.MaxPrice ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.City ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = filter.Tags is { Count: > 0 } tags ? tags.ToArray() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)text ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(filter.Limit, 1, 500), NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Max(0, filter.Skip), NpgsqlDbType = NpgsqlDbType.Integer });

        return command;
    }

    private static async Task<ProductPage> ReadProductsAsync(NpgsqlDataReader reader, IQuerySession session, CancellationToken ct)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        var products = new List<Product>();
        long total = 0;
        while (await reader.ReadAsync(ct))
        {
            products.Add(serializer.FromJson<Product>((DbDataReader)reader, 0));
            total = reader.GetInt64(1);
        }
        return new ProductPage(products, total);
    }

    /// <summary>Each query word and the shop's most similar catalog word (pg_trgm, similarity above 0.3), in query order.</summary>
    private static NpgsqlBatchCommand Correction(string tenant, string schema, string[] words)
    {
        var command = new NpgsqlBatchCommand($"""
            select q.w, (select l.word from {schema}.{ProductSearchIndex.WordsTable} l
                         where l.tenant_id = $1 and l.word % q.w order by similarity(l.word, q.w) desc, l.word limit 1)
            from unnest($2::text[]) with ordinality as q(w, n) order by q.n
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = words, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return command;
    }

    /// <summary>The corrected query, or null when no word changed.</summary>
    private static async Task<string?> ReadCorrectionAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var fixedWords = new List<string>();
        var changed = false;
        while (await reader.ReadAsync(ct))
        {
            var word = reader.GetString(0);
            var best = reader.IsDBNull(1) ? word : reader.GetString(1);
            changed |= best != word;
            fixedWords.Add(best);
        }
        return changed ? string.Join(' ', fixedWords) : null;
    }
}
