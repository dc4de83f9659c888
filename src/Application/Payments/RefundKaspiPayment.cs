using Cvety.Application.Orders;
using Cvety.Domain.Orders;
using Marten;
using Microsoft.Extensions.Logging;

namespace Cvety.Application.Payments;

/// <summary>Sends a requested refund to Kaspi. Published through the outbox for every <see cref="RefundRequested"/>.</summary>
public sealed record RefundKaspiPayment(Guid OrderId, Guid RefundId);

/// <summary>A cancelled order that has Kaspi money on it gives it back; the refund id comes from the cancellation event.</summary>
public sealed record RefundCancelledOrder(Guid OrderId, Guid RefundId);

public static class RefundKaspiPaymentHandler
{
    public static async Task Handle(RefundKaspiPayment message, IDocumentSession session, KaspiOptions options, IKaspiPay kaspi,
        ILogger<RefundKaspiPayment> logger, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Order>(message.OrderId, ct);
        if (stream.Aggregate is not { } order || !order.RefundsPending.TryGetValue(message.RefundId, out var refund)) return;

        var paymentId = refund.PaymentId ?? PaymentDecisions.LatestReceivedPayment(order);
        if (paymentId is null || options.For(order.ShopId) is not { } shop)
        {
            session.Append(stream, KaspiOrigin.Payments, PaymentDecisions.FailRefund(order, message.RefundId, "No Kaspi payment to refund through", KaspiOrigin.Payments));
            return;
        }

        try
        {
            // Unreachable Kaspi throws KaspiUnavailableException: retried on the configured schedule.
            var reference = await kaspi.RefundAsync(shop, paymentId, refund.Amount, ct);
            session.Append(stream, KaspiOrigin.Kaspi, PaymentDecisions.CompleteRefund(order, message.RefundId, reference, KaspiOrigin.Kaspi));
        }
        catch (KaspiRejectedException e)
        {
            logger.LogWarning("Kaspi refused refund {RefundId} of order {OrderId}: {Error}", message.RefundId, order.Id, e.Message);
            session.Append(stream, KaspiOrigin.Kaspi, PaymentDecisions.FailRefund(order, message.RefundId, e.Message, KaspiOrigin.Kaspi));
        }
    }
}

public static class RefundCancelledOrderHandler
{
    public static async Task Handle(RefundCancelledOrder message, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Order>(message.OrderId, ct);
        if (stream.Aggregate is not { } order) return;
        var events = PaymentDecisions.RefundAfterCancel(order, message.RefundId, KaspiOrigin.Payments);
        if (events.Length > 0) session.Append(stream, KaspiOrigin.Payments, events);
    }
}
