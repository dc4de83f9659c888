using Cvety.Application.Inventory;
using Cvety.Application.Search;
using Cvety.Infrastructure.Configuration;
using Cvety.Infrastructure.Storage;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.ErrorHandling;

namespace Cvety.Infrastructure.Search;

public static class CatalogSetup
{
    public const string InventoryQueue = "inventory";
    public const string EmbeddingQueue = "embeddings";

    /// <summary>Photo search (embedder, in-memory index and its warm-up) and image storage (local disk, or R2 when configured).</summary>
    public static void AddCatalog(this IServiceCollection services, IConfiguration configuration, LocalStorageOptions local)
    {
        var s3 = Settings.Bind<S3StorageOptions>(configuration, "Cvety:Storage:S3");
        if (s3.Enabled)
        {
            services.AddSingleton(s3);
            services.AddSingleton<Application.Common.IImageStorage, S3ImageStorage>();
        }
        else
        {
            services.AddSingleton<Application.Common.IImageStorage, LocalDiskImageStorage>();
        }

        var embeddings = services.AddSettings<EmbeddingOptions>(configuration, EmbeddingOptions.Section);
        services.AddHttpClient<ImageLoader>(c => c.Timeout = TimeSpan.FromSeconds(embeddings.TimeoutSeconds * 2 + 5))
            .ConfigurePrimaryHttpMessageHandler(() => ImageLoader.CreateHandler(embeddings));
        services.AddTransient<Application.Common.IRemoteImages>(sp => sp.GetRequiredService<ImageLoader>());
        if (embeddings.UsesService)
            services.AddHttpClient<IImageEmbedder, HttpImageEmbedder>(c =>
            {
                c.BaseAddress = new Uri(embeddings.BaseUrl!.TrimEnd('/') + "/");
                c.Timeout = TimeSpan.FromSeconds(embeddings.TimeoutSeconds * 2 + 5);
            });
        else
            services.AddTransient<IImageEmbedder, PixelImageEmbedder>();
        services.AddSingleton<ProductVectorIndex>();
        services.AddHostedService<VectorIndexWarmup>();
    }

    /// <summary>
    /// Stock follows orders through a durable local queue processed one message at a time (no two reservations race
    /// for one item). Embedding runs on its own durable queue: a slow or absent embedding service never holds up stock
    /// or Bitrix, and is retried.
    /// </summary>
    public static void AddCatalog(this WolverineOptions opts)
    {
        opts.PublishMessage<ReserveStockForOrder>().ToLocalQueue(InventoryQueue);
        opts.PublishMessage<ReleaseStockForOrder>().ToLocalQueue(InventoryQueue);
        opts.PublishMessage<SellStockForOrder>().ToLocalQueue(InventoryQueue);
        opts.PublishMessage<ReconcileStockForOrder>().ToLocalQueue(InventoryQueue);
        opts.LocalQueue(InventoryQueue).UseDurableInbox().Sequential();

        opts.PublishMessage<EmbedProductImage>().ToLocalQueue(EmbeddingQueue);
        opts.PublishMessage<RefreshProductVector>().ToLocalQueue(EmbeddingQueue);
        opts.LocalQueue(EmbeddingQueue).UseDurableInbox().MaximumParallelMessages(2);
        opts.OnException<EmbeddingUnavailableException>()
            .ScheduleRetry(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)).Then.MoveToErrorQueue();
    }
}

/// <summary>
/// Keeps this node's in-memory photo index in step with every node's: filled from the stored vectors at start; then
/// each change any node commits is heard at once on PostgreSQL's <c>LISTEN/NOTIFY</c> channel (the record is loaded and
/// applied); and every <see cref="Interval"/>, and whenever the listening connection is opened again, a catch-up reads
/// what changed since the last look, so that a notice lost while no one listened is still picked up (ADR 0026).
/// </summary>
public sealed class VectorIndexWarmup(IDocumentStore store, ProductVectorIndex index, Npgsql.NpgsqlDataSource data, ILogger<VectorIndexWarmup> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private DateTimeOffset _seen = DateTimeOffset.MinValue;
    private readonly SemaphoreSlim _catchUp = new(1, 1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var count = await CatchUpAsync(cancellationToken);
        logger.LogInformation("Photo search index: {Count} product vectors loaded", count);
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(PollAsync(stoppingToken), ListenAsync(stoppingToken));

    private async Task PollAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await CatchUpAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not refresh the photo search index; will try again");
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await data.OpenConnectionAsync(ct);
                var heard = System.Threading.Channels.Channel.CreateUnbounded<string>();
                connection.Notification += (_, e) => heard.Writer.TryWrite(e.Payload);
                await using (var listen = new Npgsql.NpgsqlCommand($"listen {EmbedProductImageHandler.Channel}", connection)) await listen.ExecuteNonQueryAsync(ct);
                // Anything committed while no one listened (a start, a lost connection).
                await CatchUpAsync(ct);
                var applying = ApplyAsync(heard.Reader, ct);
                while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
                heard.Writer.TryComplete();
                await applying;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Lost the photo index's notice channel; listening again in a second");
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    private async Task ApplyAsync(System.Threading.Channels.ChannelReader<string> heard, CancellationToken ct)
    {
        await foreach (var payload in heard.ReadAllAsync(ct))
        {
            var parts = payload.Split(':');
            if (parts.Length != 2 || !int.TryParse(parts[0], out var shop) || !int.TryParse(parts[1], out var product)) continue;
            try
            {
                await using var session = store.QuerySession(Domain.Shops.Shop.TenantIdFor(shop));
                if (await session.LoadAsync<ProductEmbedding>(product, ct) is { } record) index.Apply(record);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not apply the photo index notice {Payload}; the catch-up will", payload);
            }
        }
    }

    private async Task<int> CatchUpAsync(CancellationToken ct)
    {
        await _catchUp.WaitAsync(ct);
        try
        {
            await using var session = store.QuerySession();
            // A little overlap: a record committed late with an earlier timestamp is not missed.
            var since = _seen == DateTimeOffset.MinValue ? _seen : _seen - TimeSpan.FromSeconds(10);
            var count = 0;
            await foreach (var embedding in session.Query<ProductEmbedding>().Where(e => e.AnyTenant() && e.UpdatedAt > since).ToAsyncEnumerable(ct))
            {
                index.Apply(embedding);
                if (embedding.UpdatedAt > _seen) _seen = embedding.UpdatedAt;
                count++;
            }
            return count;
        }
        finally
        {
            _catchUp.Release();
        }
    }
}
