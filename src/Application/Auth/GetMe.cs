using Cvety.Application.Common;
using Cvety.Application.Users;
using Cvety.Domain.Users;
using Marten;

namespace Cvety.Application.Auth;

public sealed record GetMe;

public static class GetMeHandler
{
    public static async Task<UserView> Handle(GetMe _, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var id = currentUser.Actor.UserId ?? throw new AuthenticationFailedException("Not signed in.");
        var user = await session.LoadAsync<User>(id, ct);
        if (user is null || !user.IsActive) throw new AuthenticationFailedException("The account no longer exists.");
        return UserView.Of(user);
    }
}
