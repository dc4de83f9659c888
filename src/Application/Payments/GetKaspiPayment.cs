using Cvety.Application.Common;
using Cvety.Application.Orders;
using Marten;

namespace Cvety.Application.Payments;

/// <summary>
/// A Kaspi payment of the caller's shop by its id: its status as Kaspi reports it now, and (for details) the amount,
/// the masked phone, the message and the order it pays.
/// </summary>
public sealed record GetKaspiPayment(string ExternalId, bool ByAgent = false);

public sealed record KaspiPaymentDetails(string ExternalId, string Status, long AmountTiyn, decimal Amount, string PhoneMasked, string? Message,
    Guid? OrderId, string? OrderNumber, long? OrderTotal, bool? OrderPaid, long? Refunded, DateTimeOffset CreatedAt);

public static class GetKaspiPaymentHandler
{
    public static async Task<KaspiPaymentDetails> Handle(GetKaspiPayment query, IQuerySession session, ICurrentUser currentUser, KaspiOptions options, IKaspiPay kaspi, CancellationToken ct)
    {
        if (!query.ByAgent) currentUser.RequireStaff();
        var payment = await KaspiPayments.FindAsync(session, query.ExternalId, ct);
        var shop = options.For(payment.ShopId) ?? throw new Domain.Common.DomainException("This shop does not take Kaspi payments.");
        var status = await kaspi.GetStatusAsync(shop, payment.Id, ct);
        var order = payment.OrderId is { } id ? await session.LoadAsync<OrderDetails>(id, ct) : null;
        return new KaspiPaymentDetails(payment.Id, status, payment.Amount, payment.Amount / 100m, Domain.Common.PhoneNumber.Parse(payment.Phone).Masked(), payment.Message,
            payment.OrderId, order?.OrderNumber, order?.Total.Tiyn, order?.IsPaid, order?.RefundedAmount.Tiyn, payment.CreatedAt);
    }
}
