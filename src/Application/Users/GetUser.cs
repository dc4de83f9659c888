using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Users;
using Marten;

namespace Cvety.Application.Users;

/// <summary>One account: the user themselves, a member of the caller's shop, or anyone for the superadmin.</summary>
public sealed record GetUser(Guid UserId);

public static class GetUserHandler
{
    public static async Task<UserView> Handle(GetUser query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var actor = currentUser.RequireStaff();
        var user = await session.LoadAsync<User>(query.UserId, ct);
        return UserView.Of(actor.UserId == query.UserId && user is not null ? user : user.Visible(actor, query.UserId));
    }
}
