using Cvety.Application.Bitrix;
using Cvety.Application.Common;
using Cvety.Application.Notifications;
using Cvety.Infrastructure.Configuration;
using Wolverine.Runtime;
using JasperFx;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.ErrorHandling;

namespace Cvety.Infrastructure.Bitrix;

public static class BitrixSetup
{
    public const string Queue = "bitrix";

    public static BitrixOptions AddBitrix(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddSettings<BitrixOptions>(configuration, BitrixOptions.Section);
        services.AddHttpClient<IBitrixClient, BitrixHttpClient>(client =>
        {
            if (options.BaseUrl is { } baseUrl) client.BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/");
            // Each call sets its own, shorter, timeout; this is the backstop.
            client.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds * 2 + 5);
        });
        services.AddHostedService<InboundDeliveryCleanup>();
        if (options.OutboundEnabled && options.ScheduleProductImport) services.AddHostedService<ProductImportScheduleStarter>();
        return options;
    }

    /// <summary>
    /// Outbound Bitrix calls run from a durable local queue. A Bitrix that is down or slow is retried on the
    /// configured schedule (hours by default, persisted, so restarts do not reset it), then dead-lettered for a
    /// person to replay. A call Bitrix refuses goes to the dead letters at once.
    /// </summary>
    public static void AddBitrix(this WolverineOptions opts, BitrixOptions options)
    {
        opts.PublishMessage<CreateOrderInBitrix>().ToLocalQueue(Queue);
        opts.PublishMessage<ChangeStatusInBitrix>().ToLocalQueue(Queue);
        opts.PublishMessage<UpdateProductInBitrix>().ToLocalQueue(Queue);
        opts.PublishMessage<RunScheduledProductImport>().ToLocalQueue(Queue);
        opts.PublishMessage<EnsureProductImportSchedule>().ToLocalQueue(Queue);
        opts.LocalQueue(Queue).UseDurableInbox();

        opts.OnException<BitrixUnavailableException>().Or<BitrixOrderNotLinkedYetException>()
            .ScheduleRetry(options.EffectiveRetryDelays).Then.MoveToErrorQueue().And(TellStaffAsync, "Tell the shop's staff chat");
        opts.OnException<BitrixRejectedException>().MoveToErrorQueue().And(TellStaffAsync, "Tell the shop's staff chat");
    }

    /// <summary>A call that reached the dead letters needs a person: the shop's staff chat hears of it.</summary>
    private static async ValueTask TellStaffAsync(IWolverineRuntime runtime, IEnvelopeLifecycle lifecycle, Exception exception)
    {
        var orderId = lifecycle.Envelope?.Message switch
        {
            CreateOrderInBitrix m => m.OrderId,
            ChangeStatusInBitrix m => m.OrderId,
            _ => (Guid?)null,
        };
        if (orderId is null || lifecycle.Envelope!.TenantId is not { } tenant) return;
        var notice = new OrderNotice(orderId.Value, 0, NoticeKind.SyncFailed,
            (lifecycle.Envelope.Message is CreateOrderInBitrix ? "создание заказа" : "смена статуса") + ": " + exception.Message);
        await new MessageBus(runtime).PublishAsync(notice, new DeliveryOptions { TenantId = tenant });
    }
}

/// <summary>
/// At every start, makes sure the Bitrix shop's catalog import schedule is alive (it starts one when none is). A
/// hosted service is a singleton, so it must not hold Wolverine's scoped <see cref="IMessageBus"/>: it publishes
/// through a bus of its own over the runtime, once the host has started (Wolverine's queues are up by then).
/// </summary>
public sealed class ProductImportScheduleStarter(IWolverineRuntime runtime, IHostApplicationLifetime lifetime, BitrixOptions options, ILogger<ProductImportScheduleStarter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = EnsureAsync());
        return Task.CompletedTask;
    }

    private async Task EnsureAsync()
    {
        try
        {
            await new MessageBus(runtime).PublishAsync(new EnsureProductImportSchedule(),
                new DeliveryOptions { TenantId = Cvety.Domain.Shops.Shop.TenantIdFor(options.ShopId) });
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not start the Bitrix product import schedule");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Forgets remembered webhook deliveries once they are older than the retention (eight days).</summary>
public sealed class InboundDeliveryCleanup(IDocumentStore store, TimeProvider clock, ILogger<InboundDeliveryCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(6));
        do
        {
            try
            {
                await using var session = store.LightweightSession();
                var cutoff = clock.GetUtcNow() - InboundDelivery.Retention;
                session.DeleteWhere<InboundDelivery>(d => d.ReceivedAt < cutoff);
                await session.SaveChangesAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not clean up old webhook deliveries; will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
