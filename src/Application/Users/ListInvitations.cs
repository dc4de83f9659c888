using Cvety.Application.Common;
using Marten;

namespace Cvety.Application.Users;

/// <summary>The pending invitations of the caller's shop, newest first.</summary>
public sealed record ListInvitations;

public static class ListInvitationsHandler
{
    public static async Task<IReadOnlyList<InvitationView>> Handle(ListInvitations _, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var actor = currentUser.RequireTeamManager();
        var pending = await session.Query<Invitation>().Where(i => i.ShopId == actor.ShopId && i.Status == Invitation.Pending)
            .OrderByDescending(i => i.CreatedAt).ToListAsync(ct);
        return pending.Select(InvitationView.Of).ToList();
    }
}
