using Cvety.Domain.Users;
using Cvety.Application.Common;
using Cvety.Application.Orders;
using FluentValidation;
using Marten;
using Wolverine;

namespace Cvety.Application.Payments;

/// <summary>
/// <c>POST /kaspi/refund {external_id, amount}</c> (tenge): a MANAGER or DIRECTOR refunds through the order the payment
/// paid, with the same rules and events as <see cref="RefundOrder"/>: never above what is left. A payment tied to no
/// order is refused: a refund without an order would escape those rules.
/// </summary>
public sealed record RefundKaspiByPayment(string ExternalId, decimal? Amount, string? Reason)
{
    public sealed class Validator : AbstractValidator<RefundKaspiByPayment>
    {
        public Validator()
        {
            RuleFor(x => x.ExternalId).NotEmpty().MaximumLength(100);
            RuleFor(x => x.Amount).GreaterThan(0).Must(a => a is null || decimal.Round(a.Value, 2) == a.Value).WithMessage("'amount' is tenge, positive, with at most two decimals.");
            RuleFor(x => x.Reason).MaximumLength(1000);
        }
    }
}

public static class RefundKaspiByPaymentHandler
{
    // Not Wolverine's aggregate workflow: the order is known only once its Kaspi payment has been looked up.
    public static async Task<RefundAccepted> Handle(RefundKaspiByPayment command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = Origins.Of(currentUser.Require(Permission.RefundPayments, "Only managers and directors refund payments."));
        var payment = await KaspiPayments.FindAsync(session, command.ExternalId, ct);
        var orderId = payment.OrderId ?? throw new ConflictException("This Kaspi payment pays no order; refund it from the order it belongs to.");
        var stream = await OrderStreams.ForWritingAsync(session, orderId, null, ct);
        var (accepted, events) = RefundOrderHandler.Decide(new RefundOrder(orderId, command.Amount is { } tenge ? Domain.Common.Money.FromTenge(tenge).Tiyn : null,
            string.IsNullOrWhiteSpace(command.Reason) ? "Возврат через Kaspi" : command.Reason.Trim()), stream.Aggregate!, origin);
        stream.AppendMany(events);
        return accepted;
    }
}
