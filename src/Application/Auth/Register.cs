using Cvety.Application.Common;
using Cvety.Application.Shops;
using Cvety.Application.Users;
using Cvety.Domain.Common;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using FluentValidation;
using Marten;

namespace Cvety.Application.Auth;

/// <summary>
/// Self-service sign-up. A phone with a pending invitation joins the inviting shop with the invited role; any other
/// phone opens a new shop (the next free id) and becomes its DIRECTOR. A phone that has an account is refused.
/// </summary>
public sealed record Register(string Name, string Phone, string Password, string? ShopName, string? City, string? Email, string? InvitationCode = null)
{
    /// <summary>Messages are logged when they fail: never with the password.</summary>
    public override string ToString() => $"Register {{ Name = {Name}, Phone = {Phone}, ShopName = {ShopName}, Password = *** }}";

    public sealed class Validator : AbstractValidator<Register>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            RuleFor(x => x.Phone).MustBePhone();
            RuleFor(x => x.Password).MustBeStrongEnoughPassword();
            RuleFor(x => x.ShopName).MaximumLength(200);
            RuleFor(x => x.City).MaximumLength(100);
            RuleFor(x => x.Email).MaximumLength(200).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email));
        }
    }
}

public static class RegisterHandler
{
    // The session: sign-up opens streams (a shop's, named by its integer id, and the account's) and reads invitations by phone.
    public static async Task<UserView> Handle(Register command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var phone = PhoneNumber.Parse(command.Phone).Value;
        await Accounts.EnsurePhoneIsFreeAsync(session, phone, ct);
        var self = new Origin(Sources.Web, "self-registration");

        var invitation = await session.Query<Invitation>().Where(i => i.Phone == phone && i.Status == Invitation.Pending)
            .OrderByDescending(i => i.CreatedAt).FirstOrDefaultAsync(ct);
        UserRegistered opened;
        if (!string.IsNullOrWhiteSpace(command.InvitationCode) && (invitation is null || InvitationView.CodeOf(invitation.Id) != command.InvitationCode.Trim()))
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("invitation_code", "Invitation code is invalid or expired")]);
        if (invitation is not null)
        {
            var shop = await ShopStreams.LoadAsync(session, invitation.ShopId, ct);
            opened = session.Open(command.Name, phone, command.Password, invitation.Role, shop.Id, command.Email, self);
            session.Append(shop, new InvitationAccepted(shop.Id, invitation.Id, opened.UserId, self));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(command.ShopName))
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("shop_name", "'shop_name' is required to open a shop.")]);
            var shopId = await CreateShopHandler.NextIdAsync(session, ct);
            session.StartShop(new ShopOpened(shopId, command.ShopName.Trim(), string.IsNullOrWhiteSpace(command.City) ? "Астана" : ShopCities.Normalise(command.City),
                phone, null, Money.Zero, self));
            opened = session.Open(command.Name, phone, command.Password, UserRole.Director, shopId, command.Email, self);
        }
        return new UserView(opened.UserId, opened.Name, phone, opened.Email, opened.Role.Name(), opened.ShopId, true, false, clock.GetUtcNow());
    }
}
