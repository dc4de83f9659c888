using Cvety.Application.Common;
using Cvety.Domain.Common;
using Cvety.Domain.Users;
using FluentValidation;
using Marten;

namespace Cvety.Application.Users;

/// <summary>
/// Run at start-up: when no superadmin exists and one is configured, create it. Nothing happens when one exists,
/// so a changed configuration never silently resets the password of a running system.
/// </summary>
public sealed record EnsureSuperadmin(string Phone, string Password)
{
    /// <summary>Messages are logged when they fail: never with the password.</summary>
    public override string ToString() => $"EnsureSuperadmin {{ Phone = {Phone}, Password = *** }}";

    public sealed class Validator : AbstractValidator<EnsureSuperadmin>
    {
        public Validator()
        {
            RuleFor(x => x.Phone).MustBePhone();
            RuleFor(x => x.Password).MustBeStrongEnoughPassword();
        }
    }
}

public static class EnsureSuperadminHandler
{
    public static async Task<bool> Handle(EnsureSuperadmin command, IDocumentSession session, CancellationToken ct)
    {
        if (await session.Query<User>().AnyAsync(u => u.Role == UserRole.Superadmin, ct)) return false;

        var phone = PhoneNumber.Parse(command.Phone).Value;
        if (await session.Query<User>().AnyAsync(u => u.Phone == phone, ct))
            throw new ConflictException($"The configured superadmin phone {phone} already belongs to a shop user.");

        session.Open("Superadmin", phone, command.Password, UserRole.Superadmin, null, null, Origin.System("bootstrap"));
        return true;
    }
}
