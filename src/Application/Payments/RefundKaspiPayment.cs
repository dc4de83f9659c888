using Wolverine.Marten;
using Cvety.Application.Orders;
using Cvety.Domain.Orders;
using Marten;
using Wolverine;
using Microsoft.Extensions.Logging;

namespace Cvety.Application.Payments;

/// <summary>Sends a requested refund to Kaspi. Published through the outbox for every <see cref="RefundRequested"/>.</summary>
public sealed record RefundKaspiPayment(Guid OrderId, Guid RefundId);

/// <summary>A cancelled order that has Kaspi money on it gives it back; the refund id comes from the cancellation event.</summary>
public sealed record RefundCancelledOrder(Guid OrderId, Guid RefundId)
{
    /// <summary>An order is cancelled once, so its cancellation's refund has one id: asking twice refunds once.</summary>
    public static Guid IdFor(Guid orderId) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("cvety-cancel-refund:" + orderId))[..16]);
}

public static class RefundKaspiPaymentHandler
{
    public static async Task<object[]> Handle(RefundKaspiPayment message, [WriteAggregate(Required = false)] Order? found, KaspiOptions options, IKaspiPay kaspi,
        ILogger<RefundKaspiPayment> logger, CancellationToken ct)
    {
        if (found is not { } order || !order.RefundsPending.TryGetValue(message.RefundId, out var refund)) return [];

        var paymentId = refund.PaymentId ?? PaymentDecisions.LatestReceivedPayment(order);
        if (paymentId is null || options.For(order.ShopId) is not { } shop)
        {
            return PaymentDecisions.FailRefund(order, message.RefundId, "No Kaspi payment to refund through", KaspiOrigin.Payments);
        }

        try
        {
            // Unreachable Kaspi throws KaspiUnavailableException: retried on the configured schedule.
            var reference = await kaspi.RefundAsync(shop, paymentId, refund.Amount, ct);
            return PaymentDecisions.CompleteRefund(order, message.RefundId, reference, KaspiOrigin.Kaspi);
        }
        catch (KaspiRejectedException e)
        {
            logger.LogWarning("Kaspi refused refund {RefundId} of order {OrderId}: {Error}", message.RefundId, order.Id, e.Message);
            return PaymentDecisions.FailRefund(order, message.RefundId, e.Message, KaspiOrigin.Kaspi);
        }
    }
}

public static class RefundCancelledOrderHandler
{
    public static object[] Handle(RefundCancelledOrder message, [WriteAggregate(Required = false)] Order? found) =>
        found is null ? [] : PaymentDecisions.RefundAfterCancel(found, message.RefundId, KaspiOrigin.Payments);
}
