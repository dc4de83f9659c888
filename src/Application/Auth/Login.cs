using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Application.Shops;
using Cvety.Application.Users;
using Cvety.Domain.Common;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using FluentValidation;
using Marten;

namespace Cvety.Application.Auth;

/// <summary>
/// Checks a phone and password. The API turns the answer into a JWT. A member the shop removed, and then invited
/// again, is taken back into the team by signing in.
/// </summary>
public sealed record Login(string Phone, string Password)
{
    /// <summary>Messages are logged when they fail: never with the password.</summary>
    public override string ToString() => $"Login {{ Phone = {Phone}, Password = *** }}";

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
    // The session: signing in may accept an invitation, which writes to the account's and the shop's streams.
    public static async Task<UserView> Handle(Login command, IDocumentSession session, CancellationToken ct)
    {
        User? user = null;
        if (PhoneNumber.TryParse(command.Phone, out var phone))
            user = await session.Query<User>().FirstOrDefaultAsync(u => u.Phone == phone.Value, ct);

        // Always spend the hashing time, so response times do not tell which phones have accounts.
        var ok = PasswordHasher.Verify(command.Password, user?.PasswordHash ?? PasswordHasher.Decoy);
        if (user is null || !ok || user.IsBlocked) throw new AuthenticationFailedException(Login.Failure);
        if (PasswordHasher.IsLegacy(user.PasswordHash))
        {
            // The legacy system's bcrypt hash, verified: from now on the password is kept as Cvety keeps passwords.
            var rehash = new Origin(Sources.System, "password-rehash");
            session.Events.Append(user.Id, new UserPasswordRehashed(user.Id, PasswordHasher.Hash(command.Password), rehash));
        }

        if (user.ShopId is { } shopId)
        {
            var shop = await ShopStreams.FindAsync(session, shopId, ct);
            if (shop is null || shop.IsBlocked) throw new AuthenticationFailedException("This shop is blocked; contact the platform.");
            if (!user.IsActive) return await RejoinAsync(session, user, shop, ct);
        }
        return user.IsActive ? UserView.Of(user) : throw new AuthenticationFailedException(Login.Failure);
    }

    private static async Task<UserView> RejoinAsync(IDocumentSession session, User user, Shop shop, CancellationToken ct)
    {
        var invitation = await session.Query<Invitation>().Where(i => i.ShopId == shop.Id && i.Phone == user.Phone && i.Status == Invitation.Pending)
            .OrderByDescending(i => i.CreatedAt).FirstOrDefaultAsync(ct) ?? throw new AuthenticationFailedException(Login.Failure);
        var self = new Origin(Sources.Web, user.Id.ToString(), invitation.Role.Name());
        session.Events.Append(user.Id, new UserReactivated(user.Id, invitation.Role, self));
        session.Append(shop, new InvitationAccepted(shop.Id, invitation.Id, user.Id, self));
        return UserView.Of(user) with { Role = invitation.Role.Name(), IsActive = true } with { SecurityStamp = user.SecurityStamp + 1 };
    }
}
