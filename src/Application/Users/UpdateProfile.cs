using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Users;
using FluentValidation;
using FluentValidation.Results;
using Marten;
using Wolverine.Marten;

namespace Cvety.Application.Users;

/// <summary>A user edits their own name, email and phone; a new phone (the login) needs the password.</summary>
public sealed record UpdateProfile(Guid UserId, string? Name, string? Email, string? Phone, string? Password, long? TelegramUserId = null)
{
    /// <summary>Messages are logged when they fail: never with the password.</summary>
    public override string ToString() => $"UpdateProfile {{ UserId = {UserId}, Name = {Name}, Email = {Email}, Phone = {Phone}, Password = *** }}";

    public sealed class Validator : AbstractValidator<UpdateProfile>
    {
        public Validator()
        {
            RuleFor(x => x.Name).MaximumLength(200).Must(n => n is null || n.Trim().Length > 0).WithMessage("'name' cannot be empty.");
            RuleFor(x => x.Email).MaximumLength(200).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email));
            RuleFor(x => x.Phone!).MustBePhone().When(x => !string.IsNullOrWhiteSpace(x.Phone));
        }
    }
}

public static class UpdateProfileHandler
{
    // The session: a new phone must be free across all accounts; and who did it goes on the events' metadata.
    public static async Task<object[]> Handle(UpdateProfile command, [WriteAggregate(Required = false)] User? user, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var actor = currentUser.RequireStaff();
        if (user is null || actor.UserId != user.Id) throw new AuthenticationFailedException("The account no longer exists.");

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(command.Phone) && PhoneNumber.Parse(command.Phone).Value is var parsed && parsed != user.Phone)
        {
            if (string.IsNullOrEmpty(command.Password) || !PasswordHasher.Verify(command.Password, user.PasswordHash))
                throw new ValidationException([new ValidationFailure("password", "Changing the phone needs the account's password.")]);
            await Accounts.EnsurePhoneIsFreeAsync(session, parsed, ct);
            phone = parsed;
        }
        var email = command.Email is null ? user.Email : string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim();
        var origin = Origins.Of(actor);
        if (command.TelegramUserId is > 0 and var telegram && await session.Query<User>().AnyAsync(u => u.TelegramUserId == telegram && u.Id != user.Id, ct))
            throw new ConflictException("This Telegram account is linked to another user.");
        return UserDecisions.ChangeProfile(user, command.Name?.Trim() ?? user.Name, email, phone, origin, command.TelegramUserId);
    }
}
