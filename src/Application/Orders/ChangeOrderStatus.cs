using Cvety.Application.Bitrix;
using Cvety.Application.Common;
using Cvety.Domain.Orders;
using FluentValidation;
using Marten;
using Wolverine;

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
    public static async Task<OutgoingMessages> Handle(ChangeOrderStatus command, IDocumentSession session, ICurrentUser currentUser, Reactions reactions, CancellationToken ct)
    {
        var actor = currentUser.RequireStaff();
        OrderStatuses.TryParse(command.Status, out var target);
        // Authorisation before decision: a role that may never make this move learns nothing of the order's state.
        if (!OrderTransitions.WhoMay[target].Contains(actor.Role!.Value))
            throw new ForbiddenException($"A {actor.Role.Value.ToString().ToUpperInvariant()} cannot move an order to '{target.Name()}'.");
        var stream = await OrderStreams.ForWritingAsync(session, command.OrderId, command.ExpectedVersion, ct);
        var origin = Origins.Of(actor);
        var events = OrderDecisions.ChangeStatus(stream.Aggregate!, target, origin, command.Notes);
        return session.Append(stream, origin, reactions, events);
    }
}
