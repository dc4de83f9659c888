using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Clients;
using FluentValidation;
using Marten;

namespace Cvety.Application.Clients;

/// <summary>Staff write the shop's notes on a client (allergies, a doorman's name, "only white roses").</summary>
public sealed record SetClientNotes(Guid ClientId, string? Notes)
{
    public sealed class Validator : AbstractValidator<SetClientNotes>
    {
        public Validator() => RuleFor(x => x.Notes).MaximumLength(4000);
    }
}

public static class SetClientNotesHandler
{
    // The session: the client's stream may not exist yet (see ClientAccess.Append).
    public static async Task Handle(SetClientNotes command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = Origins.Of(currentUser.RequireStaff());
        var card = await ClientAccess.LoadAsync(session, command.ClientId, ct);
        session.Append(card.Id, ClientDecisions.SetNotes(card.Id, card.Notes, command.Notes, origin));
    }
}
