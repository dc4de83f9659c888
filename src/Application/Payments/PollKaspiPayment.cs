using Wolverine.Marten;
using Cvety.Application.Orders;
using Cvety.Domain.Orders;
using Marten;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Cvety.Application.Payments;

/// <summary>
/// Kaspi sends no webhooks: each payment is polled by a durable scheduled message that schedules the next one until
/// the payment ends (every 15 s for 10 minutes, then every 3 minutes, up to 24 hours; or <c>PollInterval</c>).
/// Asking many times changes nothing: only a status different from the one recorded becomes an event.
/// </summary>
public sealed record PollKaspiPayment(Guid OrderId, string ExternalId, DateTimeOffset StartedAt);

public static class PollKaspiPaymentHandler
{
    public static async Task<(Events, OutgoingMessages)> Handle(PollKaspiPayment message, [WriteAggregate(Required = false)] Order? found, KaspiOptions options, IKaspiPay kaspi,
        TimeProvider clock, ILogger<PollKaspiPayment> logger, CancellationToken ct)
    {
        if (found is not { } order || !order.KaspiPayments.TryGetValue(message.ExternalId, out var payment)) return ([], []);
        if (KaspiStatuses.Classify(payment.Status) is KaspiOutcome.Processed or KaspiOutcome.Failed) return ([], []);
        if (options.For(order.ShopId) is not { } shop) return ([], []);

        string status;
        try
        {
            status = await kaspi.GetStatusAsync(shop, message.ExternalId, ct);
        }
        catch (Exception e) when (e is KaspiUnavailableException or KaspiRejectedException)
        {
            // A poll that fails is just a poll: the next one is already planned below.
            logger.LogWarning("Polling Kaspi payment {ExternalId} of order {OrderId} failed: {Error}", message.ExternalId, order.Id, e.Message);
            return Next(message, options, clock, order);
        }

        if (KaspiStatuses.Classify(status) == KaspiOutcome.Unknown)
            logger.LogWarning("Kaspi reported an unknown status {Status} for payment {ExternalId} of order {OrderId}; polling goes on", status, message.ExternalId, order.Id);

        var (events, keepPolling) = PaymentDecisions.ReportKaspiStatus(order, message.ExternalId, status, Guid.CreateVersion7(), KaspiOrigin.Kaspi);
        if (!keepPolling) return ([.. events], []);
        var (expired, next) = Next(message, options, clock, order);
        return ([.. events, .. expired], next);
    }

    /// <summary>The next poll, scheduled; or, 24 hours without an answer that ends it, the payment given up (staff hear of it).</summary>
    private static (Events, OutgoingMessages) Next(PollKaspiPayment message, KaspiOptions options, TimeProvider clock, Order order)
    {
        if (options.NextPoll(message.StartedAt, clock.GetUtcNow()) is { } next) return ([], [message.DelayedFor(next)]);
        var (events, _) = PaymentDecisions.ReportKaspiStatus(order, message.ExternalId, "Expired", Guid.CreateVersion7(), KaspiOrigin.Payments);
        return ([.. events], []);
    }
}
