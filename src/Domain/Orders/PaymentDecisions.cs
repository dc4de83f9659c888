using Cvety.Domain.Common;

namespace Cvety.Domain.Orders;

/// <summary>What Kaspi's answers and staff's refund requests mean for an order, as pure functions of its state.</summary>
public static class PaymentDecisions
{
    /// <summary>What the customer is asked to pay: the total minus what was already paid.</summary>
    public static Money AmountDue(Order order) => order.Total - order.Paid;

    /// <summary>An order takes a new payment request only while it is open and unpaid.</summary>
    public static void EnsurePayable(Order order)
    {
        if (order.Status == OrderStatus.Cancelled) throw new DomainException("A cancelled order cannot be paid.");
        // A paid order whose total grew (a line added, a delivery cost raised) owes the difference and takes a payment for it.
        if (AmountDue(order) <= Money.Zero) throw new DomainException("The order is already paid.");
    }

    /// <summary>Records the payment Kaspi created for the order; the same payment id twice is recorded once.</summary>
    public static object[] RecordKaspiPayment(Order order, string externalId, Money amount, string status, Origin by) =>
        order.KaspiPayments.ContainsKey(externalId) ? [] : [new KaspiPaymentCreated(order.Id, externalId, amount, status, by)];

    public static object[] RecordPaymentLink(Order order, string paymentId, string url, DateTimeOffset? expiresAt, Money amount, Origin by) =>
        order.KaspiPayments.ContainsKey(paymentId) ? [] : [new KaspiPaymentLinkCreated(order.Id, paymentId, url, expiresAt, amount, by)];

    /// <summary>
    /// Kaspi reports a payment's status. A change is recorded; <c>Processed</c> makes the order paid once, and only if
    /// it may become paid: money that arrives for a cancelled or already paid order is sent back at once.
    /// Returns whether polling should go on.
    /// </summary>
    public static (object[] Events, bool KeepPolling) ReportKaspiStatus(Order order, string externalId, string status, Guid refundId, Origin kaspi)
    {
        if (!order.KaspiPayments.TryGetValue(externalId, out var payment)) return ([], false);
        var outcome = KaspiStatuses.Classify(status);
        var keepPolling = outcome is KaspiOutcome.Pending or KaspiOutcome.Unknown;
        if (payment.Status == status) return ([], keepPolling);
        // A payment that already ended does not come back to life through a late or reordered answer.
        if (KaspiStatuses.Classify(payment.Status) is KaspiOutcome.Processed or KaspiOutcome.Failed) return ([], false);

        var events = new List<object> { new KaspiPaymentStatusReported(order.Id, externalId, status, kaspi) };
        if (outcome == KaspiOutcome.Processed)
        {
            var due = AmountDue(order);
            if (order.Status != OrderStatus.Cancelled && due > Money.Zero)
            {
                // What the order owes is paid; anything beyond it goes back.
                events.Add(new OrderPaid(order.Id, payment.Amount < due ? payment.Amount : due, externalId, "Kaspi Pay", kaspi));
                if (payment.Amount > due)
                    events.Add(new RefundRequested(order.Id, refundId, payment.Amount - due, "Paid more than the order owed", kaspi, externalId));
            }
            else
                events.Add(new RefundRequested(order.Id, refundId, payment.Amount,
                    order.Status == OrderStatus.Cancelled ? "The payment completed after the order was cancelled" : "The order was already paid", kaspi, externalId));
        }
        return ([.. events], keepPolling);
    }

    /// <summary>What can still go back through Kaspi: money received, minus refunds done and under way.</summary>
    public static Money Refundable(Order order) => order.KaspiReceived - order.Refunded - order.RefundsUnderWay;

    /// <summary>Staff refund part or all of what was paid, never more than what is left.</summary>
    public static RefundRequested RequestRefund(Order order, Guid refundId, Money? amount, string reason, Origin by)
    {
        var refundable = Refundable(order);
        if (refundable <= Money.Zero) throw new DomainException("Nothing paid through Kaspi is left to refund on this order.");
        var value = amount ?? refundable;
        if (value <= Money.Zero) throw new DomainException("A refund must be a positive amount.");
        if (value > refundable)
            throw new DomainException($"At most {refundable.Tiyn} tiyn can be refunded: {order.KaspiReceived.Tiyn} paid, {(order.Refunded + order.RefundsUnderWay).Tiyn} refunded or being refunded.");
        return new RefundRequested(order.Id, refundId, value, reason, by, LatestReceivedPayment(order));
    }

    /// <summary>The payment a refund goes back through: the latest one that brought money.</summary>
    public static string? LatestReceivedPayment(Order order) =>
        order.KaspiPayments.LastOrDefault(p => p.Value.Status == KaspiStatuses.Processed).Key;

    /// <summary>A payment link still worth handing out: waiting for money and not expired.</summary>
    public static (string PaymentId, KaspiPaymentState Payment)? OpenPaymentLink(Order order, DateTimeOffset now)
    {
        foreach (var (id, payment) in order.KaspiPayments)
            if (payment.LinkUrl is not null && KaspiStatuses.Classify(payment.Status) is KaspiOutcome.Pending or KaspiOutcome.Unknown
                && (payment.LinkExpiresAt is null || payment.LinkExpiresAt > now))
                return (id, payment);
        return null;
    }

    /// <summary>A cancelled order gives back everything that is left; the refund id comes from the cancellation, so it is asked once.</summary>
    public static object[] RefundAfterCancel(Order order, Guid refundId, Origin by)
    {
        if (order.Status != OrderStatus.Cancelled || order.RefundIds.Contains(refundId)) return [];
        var refundable = Refundable(order);
        return refundable > Money.Zero ? [new RefundRequested(order.Id, refundId, refundable, "The order was cancelled", by, LatestReceivedPayment(order))] : [];
    }

    public static object[] CompleteRefund(Order order, Guid refundId, string? reference, Origin by) =>
        order.RefundsPending.TryGetValue(refundId, out var refund)
            ? [new OrderRefunded(order.Id, refund.Amount, reference, refund.Reason, by, refundId)]
            : [];

    public static object[] FailRefund(Order order, Guid refundId, string error, Origin by) =>
        order.RefundsPending.TryGetValue(refundId, out var refund) ? [new RefundFailed(order.Id, refundId, refund.Amount, error, by)] : [];
}
