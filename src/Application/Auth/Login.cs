using Cvety.Application.Common;
using Cvety.Application.Users;
using Cvety.Domain.Common;
using Cvety.Domain.Users;
using FluentValidation;
using Marten;

namespace Cvety.Application.Auth;

/// <summary>Checks a phone and password. The API turns the answer into a JWT.</summary>
public sealed record Login(string Phone, string Password)
{
    public const string Failure = "Incorrect phone number or password";

    public sealed class Validator : AbstractValidator<Login>
    {
        public Validator()
        {
            RuleFor(x => x.Phone).NotEmpty().MaximumLength(32);
            RuleFor(x => x.Password).NotEmpty().MaximumLength(128);
        }
    }
}

public static class LoginHandler
{
    public static async Task<UserView> Handle(Login command, IQuerySession session, CancellationToken ct)
    {
        User? user = null;
        if (PhoneNumber.TryParse(command.Phone, out var phone))
            user = await session.Query<User>().FirstOrDefaultAsync(u => u.Phone == phone.Value, ct);

        // Always spend the hashing time, so response times do not tell which phones have accounts.
        var ok = PasswordHasher.Verify(command.Password, user?.PasswordHash ?? PasswordHasher.Decoy);
        if (user is null || !ok || !user.IsActive) throw new AuthenticationFailedException(Login.Failure);
        return UserView.Of(user);
    }
}
