using Cvety.Application.Common;
using Cvety.Application.Shops;
using Cvety.Domain.Common;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using FluentValidation;
using Marten;

namespace Cvety.Application.Users;

/// <summary>
/// A DIRECTOR or MANAGER invites a phone into their team with a role (never above their own). The invitation is
/// accepted when that phone signs up, or signs in to an account this shop removed earlier.
/// </summary>
public sealed record InviteMember(string Phone, string? Role, string? Name)
{
    public sealed class Validator : AbstractValidator<InviteMember>
    {
        public Validator()
        {
            RuleFor(x => x.Phone).MustBePhone();
            RuleFor(x => x.Role).Must(r => UserRoles.TryParse(r, out var role) && UserRoles.ShopRoles.Contains(role))
                .WithMessage("'role' must be one of DIRECTOR, MANAGER, FLORIST, COURIER.");
            RuleFor(x => x.Name).MaximumLength(200);
        }
    }
}

public static class InviteMemberHandler
{
    // The session: a shop's stream is named by its integer id (see ShopStreams), and the phone is checked against all accounts.
    public static async Task<InvitationView> Handle(InviteMember command, IDocumentSession session, ICurrentUser currentUser, TimeProvider clock, CancellationToken ct)
    {
        var actor = currentUser.RequireTeamManager();
        UserRoles.TryParse(command.Role, out var role);
        actor.RequireRankOver(role);
        var shop = await ShopStreams.LoadAsync(session, actor.ShopId ?? throw new ForbiddenException("Invite from a shop's account."), ct);

        var phone = PhoneNumber.Parse(command.Phone).Value;
        var account = await session.Query<User>().FirstOrDefaultAsync(u => u.Phone == phone, ct);
        if (account is not null && (account.IsActive || account.ShopId != shop.Id))
            throw new ConflictException("User with this phone number already exists");
        if (await session.Query<Invitation>().AnyAsync(i => i.ShopId == shop.Id && i.Phone == phone && i.Status == Invitation.Pending, ct))
            throw new ConflictException($"{PhoneNumber.Parse(phone).Masked()} is already invited.");

        var origin = Origins.Of(actor);
        var invited = new MemberInvited(shop.Id, Guid.CreateVersion7(), phone, role, command.Name?.Trim(), origin);
        session.Append(shop, invited);
        return new InvitationView(invited.InvitationId, shop.Id, phone, invited.Name, role.Name(), Invitation.Pending, origin.Actor, null, clock.GetUtcNow());
    }
}
