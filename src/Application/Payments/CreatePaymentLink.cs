using Cvety.Application.Orders;
using Cvety.Domain.Orders;
using Marten;
using Wolverine;

namespace Cvety.Application.Payments;

/// <summary>
/// A Kaspi payment link for web checkout: staff ask for it for an order of their shop, a customer for their own order
/// (by its tracking id). An open link is handed out again rather than creating a second payment; the link's payment
/// is polled like a remote payment.
/// </summary>
public sealed record CreatePaymentLink(Guid OrderId);

public sealed record PaymentLinkView(string PaymentLink, string PaymentId, DateTimeOffset? ExpireDate, Domain.Common.Money Amount);

public static class CreatePaymentLinkHandler
{
    // Not Wolverine's aggregate workflow: a paid order whose total grew asks for its remainder through this same
    // handler (RequestRemainderPayment), inside its own message.
    public static async Task<(PaymentLinkView, OutgoingMessages)> Handle(CreatePaymentLink command, IDocumentSession session, KaspiOptions options, IKaspiPay kaspi,
        TimeProvider clock, CancellationToken ct)
    {
        var stream = await OrderStreams.ForWritingAsync(session, command.OrderId, null, ct);
        var order = stream.Aggregate!;
        if (PaymentDecisions.OpenPaymentLink(order, clock.GetUtcNow()) is var (openId, open))
            return (new PaymentLinkView(open.LinkUrl!, openId, open.LinkExpiresAt, open.Amount), []);

        PaymentDecisions.EnsurePayable(order);
        var shop = options.For(order.ShopId) ?? throw new Domain.Common.DomainException("This shop does not take Kaspi payments.");
        var details = await session.LoadAsync<OrderDetails>(order.Id, ct);
        var amount = PaymentDecisions.AmountDue(order);
        var link = await kaspi.CreateLinkAsync(shop, amount, $"Оплата заказа #{details!.OrderNumber}", ct);

        session.Insert(new KaspiPaymentLookup(link.PaymentId, order.ShopId, order.Id, details.CustomerPhone, amount.Tiyn, $"Оплата заказа #{details.OrderNumber}", "payment-link", clock.GetUtcNow()));
        stream.AppendMany(PaymentDecisions.RecordPaymentLink(order, link.PaymentId, link.Url, link.ExpiresAt, amount, KaspiOrigin.Kaspi));
        return (new PaymentLinkView(link.Url, link.PaymentId, link.ExpiresAt, amount), [new PollKaspiPayment(order.Id, link.PaymentId, clock.GetUtcNow()).DelayedFor(options.FirstPoll)]);
    }
}

/// <summary>A paid Kaspi order's total grew (a line, a delivery cost): the customer gets a payment link for the difference.</summary>
public sealed record RequestRemainderPayment(Guid OrderId);

public static class RequestRemainderPaymentHandler
{
    public static async Task<OutgoingMessages> Handle(RequestRemainderPayment message, IDocumentSession session, KaspiOptions options, IKaspiPay kaspi,
        TimeProvider clock, CancellationToken ct)
    {
        var order = await session.Events.AggregateStreamAsync<Order>(message.OrderId, token: ct);
        // Only an order paid through Kaspi is asked for what its grown total owes; anything else is settled by hand.
        if (order is not { IsPaid: true } || order.PaymentMethod != Domain.Orders.PaymentMethod.Kaspi
            || PaymentDecisions.AmountDue(order) <= Domain.Common.Money.Zero || order.Status == OrderStatus.Cancelled) return [];
        var (_, messages) = await CreatePaymentLinkHandler.Handle(new CreatePaymentLink(message.OrderId), session, options, kaspi, clock, ct);
        return messages;
    }
}
