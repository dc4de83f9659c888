using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Users;
using Marten;
using Wolverine.Marten;

namespace Cvety.Application.Users;

/// <summary>A session ends: its token stops working at once, on every instance of the API, before it would expire.</summary>
public sealed record SignOut(Guid UserId, Guid SessionId, DateTimeOffset TokenExpires);

public static class SignOutHandler
{
    public static object[] Handle(SignOut command, [WriteAggregate(Required = false)] User? user, ICurrentUser currentUser)
    {
        var actor = currentUser.RequireStaff();
        if (user is null || actor.UserId != user.Id) throw new AuthenticationFailedException("The account no longer exists.");
        var origin = Origins.Of(actor);
        return [new UserSignedOut(user.Id, command.SessionId, command.TokenExpires, origin)];
    }
}
