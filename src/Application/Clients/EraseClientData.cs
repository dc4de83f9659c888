using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Clients;
using FluentValidation;
using Marten;

namespace Cvety.Application.Clients;

/// <summary>
/// A DIRECTOR or MANAGER carries out a client's request to be forgotten (or erases on their own judgement, with a
/// reason): the card forgets what it knew of the person; orders keep theirs as the shop's accounting record.
/// </summary>
public sealed record EraseClientData(Guid ClientId, string? Reason)
{
    public sealed class Validator : AbstractValidator<EraseClientData>
    {
        public Validator() => RuleFor(x => x.Reason).MaximumLength(1000);
    }
}

public static class EraseClientDataHandler
{
    // The session: the client's stream may not exist yet (see ClientAccess.Append).
    public static async Task Handle(EraseClientData command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var actor = currentUser.RequireShopManager("Only a DIRECTOR or MANAGER erases a client's data.");
        var card = await ClientAccess.LoadAsync(session, command.ClientId, ct);
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        var origin = Origins.Of(actor);
        if (card.ErasureRequestedAt is null && reason is null)
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("reason", "Say why: the client has not asked to be forgotten.")]);
        session.Append(card.Id, origin, new ClientDataErased(card.Id, reason, origin));
    }
}
