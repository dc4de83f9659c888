using Cvety.Application.Notifications;
using Cvety.Application.Payments;
using Cvety.Infrastructure.Configuration;
using Cvety.Infrastructure.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.ErrorHandling;

namespace Cvety.Infrastructure.Payments;

public static class PaymentsSetup
{
    public const string KaspiQueue = "kaspi";
    public const string TelegramQueue = "telegram";

    public static (KaspiOptions Kaspi, TelegramOptions Telegram) AddPaymentsAndNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var kaspi = services.AddSettings<KaspiOptions>(configuration, KaspiOptions.Section);
        var telegram = services.AddSettings<TelegramOptions>(configuration, TelegramOptions.Section);
        // Each call sets its own, shorter, timeout; these are the backstops.
        services.AddHttpClient<IKaspiPay, KaspiHttpClient>(client => client.Timeout = TimeSpan.FromSeconds(kaspi.TimeoutSeconds * 2 + 5));
        services.AddSingleton<TelegramRateGate>();
        services.AddHttpClient<ITelegramBot, TelegramBotClient>(client => client.Timeout = TimeSpan.FromSeconds(telegram.TimeoutSeconds * 2 + 5));
        return (kaspi, telegram);
    }

    /// <summary>
    /// Kaspi and Telegram calls run from durable local queues. Kaspi being down is retried on its schedule, then the
    /// message lands in the dead letters for a person; polling never gives up early (it schedules its own next poll).
    /// Telegram's 429 and outages are retried; a message Telegram refuses is dead-lettered at once.
    /// </summary>
    public static void AddPaymentsAndNotifications(this WolverineOptions opts, KaspiOptions kaspi, TelegramOptions telegram)
    {
        opts.PublishMessage<RequestKaspiPayment>().ToLocalQueue(KaspiQueue);
        opts.PublishMessage<PollKaspiPayment>().ToLocalQueue(KaspiQueue);
        opts.PublishMessage<RefundKaspiPayment>().ToLocalQueue(KaspiQueue);
        opts.PublishMessage<RefundCancelledOrder>().ToLocalQueue(KaspiQueue);
        opts.PublishMessage<RequestRemainderPayment>().ToLocalQueue(KaspiQueue);
        opts.LocalQueue(KaspiQueue).UseDurableInbox();

        opts.PublishMessage<OrderNotice>().ToLocalQueue(TelegramQueue);
        opts.PublishMessage<SendTelegram>().ToLocalQueue(TelegramQueue);
        opts.LocalQueue(TelegramQueue).UseDurableInbox();

        // Scheduled messages (the Kaspi polls) are picked up by a poller; keep its gap a small part of the polling
        // interval so that "paid within one interval" holds: about 2 s for the 15 s schedule, 0.5 s for tests.
        var gap = TimeSpan.FromTicks(kaspi.FirstPoll.Ticks / 7);
        opts.Durability.ScheduledJobPollingTime = gap < TimeSpan.FromMilliseconds(500) ? TimeSpan.FromMilliseconds(500) : gap > TimeSpan.FromSeconds(5) ? TimeSpan.FromSeconds(5) : gap;

        opts.OnException<KaspiUnavailableException>().ScheduleRetry(kaspi.EffectiveRetryDelays).Then.MoveToErrorQueue();
        opts.OnException<TelegramRateLimitedException>().Or<TelegramUnavailableException>()
            .ScheduleRetry(telegram.EffectiveRetryDelays).Then.MoveToErrorQueue();
        opts.OnException<TelegramRejectedException>().MoveToErrorQueue();
    }
}
