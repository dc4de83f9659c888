using System.Threading.Channels;
using Cvety.Application.Bitrix;
using Cvety.Domain.Shops;
using FluentValidation;
using Prometheus;
using Wolverine;

namespace Cvety.Api.Endpoints;

/// <summary>
/// Group commit for Bitrix's status webhook. Deliveries that arrive while a transaction is running wait and go
/// into the next one together (<see cref="SyncBitrixOrderStatuses"/>), so a burst costs a few round trips and one
/// commit instead of a transaction each. Nothing waits for a batch to fill: a lone delivery goes at once.
/// Each sender still gets its own answer, after the commit that made it true. A batch holds one delivery per
/// Bitrix order (a second one waits for the worker's next batch; against the other worker, the stream's version
/// check decides); if a batch fails, its deliveries run again one by one, each with its own answer or error.
/// </summary>
public sealed class StatusSyncBatcher(
    IServiceScopeFactory scopes, BitrixOptions options, IValidator<SyncBitrixOrderStatus> validator, ILogger<StatusSyncBatcher> logger)
    : BackgroundService
{
    private sealed record Pending(SyncBitrixOrderStatus Delivery, TaskCompletionSource<WebhookReply> Reply, CancellationToken Aborted);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();

    private static readonly Histogram BatchSize = Metrics.CreateHistogram("cvety_status_webhook_batch_size",
        "Bitrix status deliveries decided and committed in one transaction.", new HistogramConfiguration { Buckets = [1, 2, 4, 8, 16, 32, 64] });

    private static readonly Counter Retried = Metrics.CreateCounter("cvety_status_webhook_batches_retried_total",
        "Batches of status deliveries whose transaction failed and whose deliveries then ran one by one.");

    public async Task<WebhookReply> SubmitAsync(SyncBitrixOrderStatus delivery, CancellationToken ct)
    {
        // A bad delivery is refused on its own, before it can share a transaction with good ones.
        var validation = await validator.ValidateAsync(delivery, ct);
        if (!validation.IsValid) throw new ValidationException(validation.Errors);

        var pending = new Pending(delivery, new TaskCompletionSource<WebhookReply>(TaskCreationOptions.RunContinuationsAsynchronously), ct);
        if (!_queue.Writer.TryWrite(pending)) return await InvokeAsync<WebhookReply>(delivery, ct); // stopping: no batching
        return await pending.Reply.Task.WaitAsync(ct);
    }

    /// <summary>
    /// The workers run until the channel is completed and empty: deliveries already accepted are answered even while
    /// the host stops (later ones run unbatched, see <see cref="SubmitAsync"/>).
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.StatusSyncWorkers)).Select(_ => WorkAsync()));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WorkAsync()
    {
        var size = Math.Max(1, options.StatusSyncBatchSize);
        var later = new Queue<Pending>();
        var batch = new List<Pending>();
        var orders = new HashSet<long>();
        while (later.Count > 0 || await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            orders.Clear();
            var carried = later.Count;
            for (var i = 0; i < carried; i++)
            {
                var waiting = later.Dequeue();
                if (batch.Count < size) Take(waiting);
                else later.Enqueue(waiting);
            }
            while (batch.Count < size && _queue.Reader.TryRead(out var next)) Take(next);
            if (batch.Count > 0) await RunAsync(batch);
        }

        void Take(Pending pending)
        {
            if (pending.Aborted.IsCancellationRequested) pending.Reply.TrySetCanceled(pending.Aborted);
            else if (orders.Add(pending.Delivery.OrderId!.Value)) batch.Add(pending);
            else later.Enqueue(pending);
        }
    }

    private async Task RunAsync(List<Pending> batch)
    {
        BatchSize.Observe(batch.Count);
        if (batch.Count > 1)
        {
            try
            {
                var replies = await InvokeAsync<SyncBitrixOrderStatuses.Replies>(
                    new SyncBitrixOrderStatuses(batch.Select(p => p.Delivery).ToList()), CancellationToken.None);
                for (var i = 0; i < batch.Count; i++) batch[i].Reply.TrySetResult(replies.Each[i]);
                return;
            }
            catch (Exception e)
            {
                Retried.Inc();
                logger.LogInformation(e, "A batch of {Count} status deliveries failed; running them one by one", batch.Count);
            }
        }
        await Task.WhenAll(batch.Select(async pending =>
        {
            try
            {
                pending.Reply.TrySetResult(await InvokeAsync<WebhookReply>(pending.Delivery, CancellationToken.None));
            }
            catch (Exception e)
            {
                pending.Reply.TrySetException(e);
            }
        }));
    }

    /// <summary>Runs a message in the Bitrix shop, on a bus of its own scope (the workers outlive any request).</summary>
    private async Task<T> InvokeAsync<T>(object message, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeForTenantAsync<T>(Shop.TenantIdFor(options.ShopId), message, ct);
    }
}
