using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Application.Products;
using Marten;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Cvety.Application.Bitrix;

/// <summary>Import the Bitrix shop's catalog from the production products API, all pages (<c>POST /api/v1/products/import</c>).</summary>
public sealed record ImportBitrixProducts;

/// <summary>
/// One link of the durable import schedule; only the chain named by the current token runs, and only the link due at
/// the record's <see cref="ProductImport.NextRunAt"/>: a second delivery of the same link (two nodes each firing one
/// scheduled message, seen in the two-node test) finds the time moved on and does nothing, so the chain never forks.
/// </summary>
public sealed record RunScheduledProductImport(Guid Token, DateTimeOffset? DueAt = null);

/// <summary>Sent at every start: begins the schedule when none is alive.</summary>
public sealed record EnsureProductImportSchedule;

public sealed record ProductImportResult(int Pages, int Seen, int Created, int Updated, int Unchanged, IReadOnlyList<string> Errors);

/// <summary>The import's bookkeeping, one per shop: when it last ran, what it found, and which schedule chain is alive.</summary>
public sealed class ProductImport
{
    public string Id { get; set; } = Key;
    public DateTimeOffset? LastRunAt { get; set; }
    public ProductImportResult? LastResult { get; set; }
    public DateTimeOffset? NextRunAt { get; set; }
    public Guid ScheduleToken { get; set; }

    /// <summary>How many imports have committed (manual and scheduled): what a run that happened once counts once.</summary>
    public long Runs { get; set; }

    public const string Key = "bitrix";
}

public static class ImportBitrixProductsHandler
{
    public const int PageSize = 100;
    public const int MaxPages = 500;

    public static async Task<ProductImportResult> Handle(ImportBitrixProducts command, IDocumentSession session, ICurrentUser currentUser, BitrixOptions options,
        IBitrixClient bitrix, TimeProvider clock, CancellationToken ct)
    {
        currentUser.RequireCatalogEditor();
        if (Tenancy.ShopOf(session) != options.ShopId) throw new Domain.Common.DomainException("Only the Bitrix shop imports its catalog from Bitrix.");
        if (!options.OutboundEnabled) throw new Domain.Common.DomainException("Bitrix is not configured (Cvety:Bitrix:BaseUrl and ApiToken).");
        var record = await session.LoadAsync<ProductImport>(ProductImport.Key, ct) ?? new ProductImport();
        return await RunAsync(session, bitrix, clock, record, ct);
    }

    /// <summary>
    /// Reads every page first, then applies each product; a product that cannot be read is reported and skipped, the
    /// rest still land. Everything is one transaction: a failure part-way changes nothing. The outcome is written to
    /// <paramref name="record"/>, which the caller has loaded (and may change further before the commit).
    /// </summary>
    public static async Task<ProductImportResult> RunAsync(IDocumentSession session, IBitrixClient bitrix, TimeProvider clock,
        ProductImport record, CancellationToken ct)
    {
        var items = new List<System.Text.Json.Nodes.JsonNode?>();
        var pages = 0;
        for (var offset = 0; pages < MaxPages; offset += PageSize)
        {
            var page = await bitrix.GetProductsAsync(offset, PageSize, ct);
            pages++;
            items.AddRange(page.Items);
            if (!page.HasMore || page.Items.Count == 0) break;
        }

        int created = 0, updated = 0, unchanged = 0;
        var errors = new List<string>();
        foreach (var item in items.DistinctBy(i => i?["id"]?.ToJsonString()))
        {
            BitrixProductData data;
            try
            {
                data = BitrixProductData.Parse(item);
            }
            catch (FormatException e)
            {
                errors.Add($"product {item?["id"]?.ToJsonString() ?? "?"}: {e.Message}");
                continue;
            }
            var (outcome, _) = await BitrixProductSync.ApplyAsync(session, data, ct);
            if (outcome == BitrixProductSync.Outcome.Created) created++;
            else if (outcome == BitrixProductSync.Outcome.Updated) updated++;
            else unchanged++;
        }

        var result = new ProductImportResult(pages, items.Count, created, updated, unchanged, errors);
        record.LastRunAt = clock.GetUtcNow();
        record.LastResult = result;
        record.Runs++;
        session.Store(record);
        return result;
    }
}

public static class ProductImportScheduleHandler
{
    public static async Task<OutgoingMessages> Handle(EnsureProductImportSchedule message, IDocumentSession session, BitrixOptions options, TimeProvider clock, CancellationToken ct)
    {
        var record = await session.LoadAsync<ProductImport>(ProductImport.Key, ct) ?? new ProductImport();
        var now = clock.GetUtcNow();
        // A chain is alive when its next run is due within the interval (plus slack for a slow run): leave it be.
        if (record.ScheduleToken != Guid.Empty && record.NextRunAt is { } next && next > now - TimeSpan.FromMinutes(30)) return [];
        record.ScheduleToken = Guid.NewGuid();
        var first = record.LastRunAt is { } last && last + options.ProductImportInterval > now ? last + options.ProductImportInterval : now + Min(TimeSpan.FromSeconds(30), options.ProductImportInterval);
        record.NextRunAt = first;
        session.Store(record);
        return [new RunScheduledProductImport(record.ScheduleToken, first).ScheduledAt(first)];
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>
    /// A whole catalog is many pages: a run may take longer than Wolverine's default minute per message, and a run cut
    /// off by that limit used to end in the dead letters and take the schedule with it.
    /// </summary>
    public static void Configure(Wolverine.Runtime.Handlers.HandlerChain chain) => chain.ExecutionTimeoutInSeconds = 600;

    public static async Task<OutgoingMessages> Handle(RunScheduledProductImport message, IDocumentSession session, IBitrixClient bitrix, BitrixOptions options, TimeProvider clock,
        ILogger<RunScheduledProductImport> logger, CancellationToken ct)
    {
        var record = await session.LoadAsync<ProductImport>(ProductImport.Key, ct);
        if (record is null || record.ScheduleToken != message.Token) return [];
        if (message.DueAt is { } due && record.NextRunAt is { } next && Math.Abs((next - due).TotalMilliseconds) > 1) return [];
        try
        {
            var result = await ImportBitrixProductsHandler.RunAsync(session, bitrix, clock, record, ct);
            logger.LogInformation("Scheduled Bitrix product import: {Created} created, {Updated} updated, {Unchanged} unchanged, {Errors} unreadable",
                result.Created, result.Updated, result.Unchanged, result.Errors.Count);
        }
        catch (Exception e) when (e is BitrixUnavailableException or BitrixRejectedException or OperationCanceledException)
        {
            // A run that Bitrix did not answer (or that ran out of time) changes nothing and is not retried: the next run
            // is the retry. Before, it went to the dead letters and no run came after it.
            logger.LogWarning("Scheduled Bitrix product import failed and changed nothing; the next run is in {Interval}: {Error}", options.ProductImportInterval, e.Message);
            session.EjectAllPendingChanges();
        }
        record.NextRunAt = clock.GetUtcNow() + options.ProductImportInterval;
        session.Store(record);
        return [(message with { DueAt = record.NextRunAt }).ScheduledAt(record.NextRunAt.Value)];
    }
}
