using Cvety.Application.Common;
using Cvety.Application.Shops;
using Cvety.Domain.Shops;
using Marten;

namespace Cvety.Application.Users;

/// <summary>A DIRECTOR or MANAGER withdraws a pending invitation of their shop.</summary>
public sealed record CancelInvitation(Guid InvitationId);

public static class CancelInvitationHandler
{
    // The session: the invitation's events go on the shop's stream, named by its integer id (see ShopStreams).
    public static async Task Handle(CancelInvitation command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var actor = currentUser.RequireTeamManager();
        var invitation = await session.LoadAsync<Invitation>(command.InvitationId, ct);
        if (invitation is null || invitation.ShopId != actor.ShopId) throw new NotFoundException("Invitation", command.InvitationId);
        if (invitation.Status != Invitation.Pending) throw new ConflictException($"The invitation is already {invitation.Status}.");
        var shop = await ShopStreams.LoadAsync(session, invitation.ShopId, ct);
        var origin = Origins.Of(actor);
        session.Append(shop, new InvitationCancelled(shop.Id, invitation.Id, origin));
    }
}
