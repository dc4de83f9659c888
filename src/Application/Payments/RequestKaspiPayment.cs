using Wolverine.Marten;
using Cvety.Application.Orders;
using Cvety.Domain.Orders;
using Marten;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Cvety.Application.Payments;

/// <summary>
/// An order placed with payment method <c>kaspi</c> asks Kaspi for a remote payment. Published through the outbox
/// with the order's events; keyed by the order: once the order has a Kaspi payment, it is never asked again.
/// </summary>
public sealed record RequestKaspiPayment(Guid OrderId);

public static class RequestKaspiPaymentHandler
{
    public static async Task<(Events, OutgoingMessages)> Handle(RequestKaspiPayment message, [WriteAggregate(Required = false)] Order? found, IDocumentSession session, KaspiOptions options, IKaspiPay kaspi,
        TimeProvider clock, ILogger<RequestKaspiPayment> logger, CancellationToken ct)
    {
        if (found is not { } order) return ([], []);
        if (order.KaspiPayments.Count > 0 || order.IsPaid || order.Status == OrderStatus.Cancelled) return ([], []);

        if (options.For(order.ShopId) is not { } shop)
            return ([new KaspiPaymentRequestFailed(order.Id, "Kaspi Pay is not configured for this shop", KaspiOrigin.Payments)], []);

        var details = await session.LoadAsync<OrderDetails>(order.Id, ct);
        var amount = PaymentDecisions.AmountDue(order);
        KaspiPaymentAnswer answer;
        try
        {
            // Unreachable Kaspi throws KaspiUnavailableException: the message is retried on the configured schedule.
            answer = await kaspi.CreateRemotePaymentAsync(shop, KaspiOrigin.Digits(details!.CustomerPhone), amount, $"Оплата заказа #{details.OrderNumber}", ct);
        }
        catch (KaspiRejectedException e)
        {
            logger.LogWarning("Kaspi refused a payment for order {OrderId}: {Error}", order.Id, e.Message);
            return ([new KaspiPaymentRequestFailed(order.Id, e.Message, KaspiOrigin.Kaspi)], []);
        }

        session.Insert(new KaspiPaymentLookup(answer.ExternalId, order.ShopId, order.Id, details.CustomerPhone, amount.Tiyn, $"Оплата заказа #{details.OrderNumber}", KaspiOrigin.Payments.Actor, clock.GetUtcNow()));
        return ([.. PaymentDecisions.RecordKaspiPayment(order, answer.ExternalId, amount, answer.Status, KaspiOrigin.Kaspi)],
            [new PollKaspiPayment(order.Id, answer.ExternalId, clock.GetUtcNow()).DelayedFor(options.FirstPoll)]);
    }
}
