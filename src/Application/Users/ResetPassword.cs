using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Users;
using FluentValidation;
using Marten;
using Wolverine.Marten;

namespace Cvety.Application.Users;

/// <summary>The superadmin sets a new password for a user who lost theirs; every token of that user stops working.</summary>
public sealed record ResetPassword(Guid UserId, string NewPassword, string? Reason)
{
    /// <summary>Messages are logged when they fail: never with the password.</summary>
    public override string ToString() => $"ResetPassword {{ UserId = {UserId}, NewPassword = *** }}";

    public sealed class Validator : AbstractValidator<ResetPassword>
    {
        public Validator()
        {
            RuleFor(x => x.NewPassword).MustBeStrongEnoughPassword();
            RuleFor(x => x.Reason).MaximumLength(500);
        }
    }
}

public static class ResetPasswordHandler
{
    public static object[] Handle(ResetPassword command, [WriteAggregate(Required = false)] User? user, ICurrentUser currentUser)
    {
        if (!currentUser.Actor.IsSuperadmin) throw new ForbiddenException("Only the superadmin resets passwords.");
        var target = user.Visible(currentUser.Actor, command.UserId);
        var origin = Origins.Of(currentUser.Actor);
        return [new UserPasswordReset(target.Id, PasswordHasher.Hash(command.NewPassword), command.Reason?.Trim(), origin)];
    }
}
