using Cvety.Application.Bitrix;
using Cvety.Application.Common;
using Cvety.Domain.Orders;
using FluentValidation;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace Cvety.Application.Orders;

/// <summary>Staff move an order one step: florists accept and assemble, couriers take and deliver, managers and directors anything allowed.</summary>
public sealed record ChangeOrderStatus(Guid OrderId, string Status, string? Notes, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<ChangeOrderStatus>
    {
        public Validator()
        {
            RuleFor(x => x.Status).Must(s => OrderStatuses.TryParse(s, out _))
                .WithMessage("'Status' must be one of " + string.Join(", ", OrderStatuses.AllNames) + ".");
            RuleFor(x => x.Notes).MaximumLength(1000);
        }
    }
}

public static class ChangeOrderStatusHandler
{
    // Wolverine fetches the order in the caller's shop and appends what is returned, refused if another writer got in
    // first.
    public static object[] Handle(ChangeOrderStatus command, [WriteAggregate(Required = false)] Order? order, ICurrentUser currentUser)
    {
        var actor = currentUser.RequireStaff();
        OrderStatuses.TryParse(command.Status, out var target);
        // Authorisation before decision: a role that may never make this move learns nothing of the order's state.
        if (!OrderTransitions.WhoMay[target].Contains(actor.Role!.Value))
            throw new ForbiddenException($"A {actor.Role.Value.ToString().ToUpperInvariant()} cannot move an order to '{target.Name()}'.");
        var origin = Origins.Of(actor);
        return OrderDecisions.ChangeStatus(order.OrFail(command.OrderId, command.ExpectedVersion), target, origin, command.Notes);
    }
}
