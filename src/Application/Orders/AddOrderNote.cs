using Cvety.Application.Common;
using Cvety.Domain.Orders;
using FluentValidation;
using Marten;
using Wolverine;

namespace Cvety.Application.Orders;

/// <summary>Any member of staff writes a note on an order; it joins the order's history.</summary>
public sealed record AddOrderNote(Guid OrderId, string Text, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<AddOrderNote>
    {
        public Validator() => RuleFor(x => x.Text).NotEmpty().MaximumLength(2000);
    }
}

public static class AddOrderNoteHandler
{
    public static async Task<OutgoingMessages> Handle(AddOrderNote command, IDocumentSession session, ICurrentUser currentUser, Reactions reactions, CancellationToken ct)
    {
        var origin = Origins.Of(currentUser.RequireStaff());
        var stream = await OrderStreams.ForWritingAsync(session, command.OrderId, command.ExpectedVersion, ct);
        return session.Append(stream, origin, reactions, new OrderNoteAdded(command.OrderId, command.Text.Trim(), origin));
    }
}
