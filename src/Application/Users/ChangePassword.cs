using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Users;
using FluentValidation;
using FluentValidation.Results;
using Marten;
using Wolverine.Marten;

namespace Cvety.Application.Users;

/// <summary>
/// A user changes their own password, proving the old one. Every other token of theirs stops working; the session
/// that made the change goes on.
/// </summary>
public sealed record ChangePassword(Guid UserId, Guid? SessionId, string OldPassword, string NewPassword)
{
    /// <summary>Messages are logged when they fail: never with the password.</summary>
    public override string ToString() => $"ChangePassword {{ UserId = {UserId}, OldPassword = ***, NewPassword = *** }}";

    public sealed class Validator : AbstractValidator<ChangePassword>
    {
        public Validator()
        {
            RuleFor(x => x.OldPassword).NotEmpty().MaximumLength(128);
            RuleFor(x => x.NewPassword).MustBeStrongEnoughPassword().NotEqual(x => x.OldPassword).WithMessage("The new password must differ from the old one.");
        }
    }
}

public static class ChangePasswordHandler
{
    public static object[] Handle(ChangePassword command, [WriteAggregate(Required = false)] User? user, ICurrentUser currentUser)
    {
        var actor = currentUser.RequireStaff();
        if (user is null || actor.UserId != user.Id) throw new AuthenticationFailedException("The account no longer exists.");
        if (!PasswordHasher.Verify(command.OldPassword, user.PasswordHash)) throw new ValidationException([new ValidationFailure("old_password", "Current password is incorrect")]);
        var origin = Origins.Of(actor);
        return [new UserPasswordChanged(user.Id, PasswordHasher.Hash(command.NewPassword), command.SessionId, origin)];
    }
}
