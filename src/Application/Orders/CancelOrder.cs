using Cvety.Application.Bitrix;
using Cvety.Application.Common;
using Cvety.Domain.Orders;
using FluentValidation;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace Cvety.Application.Orders;

/// <summary>A manager or director cancels an order that has not been delivered, saying why.</summary>
public sealed record CancelOrder(Guid OrderId, string Reason, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<CancelOrder>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000);
    }
}

public static class CancelOrderHandler
{
    public static object[] Handle(CancelOrder command, [WriteAggregate(Required = false)] Order? order, ICurrentUser currentUser)
    {
        var actor = currentUser.RequireStaff();
        // Authorisation before decision: a florist asking to cancel gets 403, not the order's status in a 409.
        if (!OrderTransitions.WhoMay[OrderStatus.Cancelled].Contains(actor.Role!.Value))
            throw new ForbiddenException("Only managers and directors cancel orders.");
        var origin = Origins.Of(actor);
        return OrderDecisions.Cancel(order.OrFail(command.OrderId, command.ExpectedVersion), command.Reason.Trim(), origin);
    }
}
