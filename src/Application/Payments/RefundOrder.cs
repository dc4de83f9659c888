using Wolverine.Marten;
using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using Cvety.Domain.Users;
using FluentValidation;
using Marten;
using Wolverine;

namespace Cvety.Application.Payments;

/// <summary>
/// A manager or director gives money back: all that is left, or part of it (in tiyn). The amount is reserved on the
/// order at once, so that two refunds can never exceed what was paid; Kaspi is called through the outbox.
/// </summary>
public sealed record RefundOrder(Guid OrderId, long? Amount, string Reason)
{
    public sealed class Validator : AbstractValidator<RefundOrder>
    {
        public Validator()
        {
            RuleFor(x => x.Amount).GreaterThan(0).When(x => x.Amount is not null);
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000);
        }
    }
}

/// <summary>
/// A refund on its way to Kaspi (amount in tiyn); <c>success</c> is the legacy answer's. The legacy echo of the amount
/// in float tenge (<c>refunded_amount</c>) is left out: a second amount in another unit is how the old 100x happened.
/// </summary>
public sealed record RefundAccepted(Guid RefundId, Money Amount, RefundStatus Status)
{
    public bool Success => true;
}

public static class RefundOrderHandler
{
    public static (RefundAccepted, Events) Handle(RefundOrder command, [WriteAggregate(Required = false)] Order? found, ICurrentUser currentUser)
    {
        var origin = Origins.Of(currentUser.Require(Permission.RefundPayments, "Only managers and directors refund payments."));
        return Decide(command, found.OrFail(command.OrderId), origin);
    }

    /// <summary>The refund asked for, decided on the order; also used where the order is found from its Kaspi payment.</summary>
    public static (RefundAccepted, Events) Decide(RefundOrder command, Order order, Origin origin)
    {
        var requested = PaymentDecisions.RequestRefund(order, Guid.CreateVersion7(), command.Amount is { } tiyn ? new Money(tiyn) : null, command.Reason.Trim(), origin);
        return (new RefundAccepted(requested.RefundId, requested.Amount, RefundStatus.Pending), [requested]);
    }
}
