using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Users;
using FluentValidation;
using Marten;
using Wolverine.Marten;

namespace Cvety.Application.Users;

/// <summary>The superadmin blocks a user (or lifts the block); a blocked user's tokens stop working at once.</summary>
public sealed record BlockUser(Guid UserId, bool Blocked, string? Reason)
{
    public sealed class Validator : AbstractValidator<BlockUser>
    {
        public Validator() => RuleFor(x => x.Reason).MaximumLength(500);
    }
}

public static class BlockUserHandler
{
    public static object[] Handle(BlockUser command, [WriteAggregate(Required = false)] User? user, ICurrentUser currentUser)
    {
        if (!currentUser.Actor.IsSuperadmin) throw new ForbiddenException("Only the superadmin blocks users.");
        var target = user.Visible(currentUser.Actor, command.UserId);
        var origin = Origins.Of(currentUser.Actor);
        return UserDecisions.Block(target, command.Blocked, command.Reason?.Trim(), origin);
    }
}
