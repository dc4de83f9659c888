using Cvety.Application.Common;

namespace Cvety.Application.Platform;

public static class Superadmin
{
    public static Actor Require(ICurrentUser currentUser) =>
        currentUser.Actor.IsSuperadmin ? currentUser.Actor : throw new ForbiddenException("Only the superadmin may do this.");
}
