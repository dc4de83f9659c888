using Cvety.Application.Common;
using Cvety.Domain.Common;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using FluentValidation;
using Marten;

namespace Cvety.Application.Users;

/// <summary>A superadmin, or the DIRECTOR of the shop, adds a member of staff to a shop.</summary>
public sealed record CreateUser(int ShopId, string Name, string Phone, string Password, string Role)
{
    /// <summary>Messages are logged when they fail: never with the password.</summary>
    public override string ToString() => $"CreateUser {{ ShopId = {ShopId}, Name = {Name}, Phone = {Phone}, Role = {Role}, Password = *** }}";

    public sealed class Validator : AbstractValidator<CreateUser>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            RuleFor(x => x.Phone).MustBePhone();
            RuleFor(x => x.Password).MustBeStrongEnoughPassword();
            RuleFor(x => x.Role)
                .Must(r => UserRoles.TryParse(r, out var role) && UserRoles.ShopRoles.Contains(role))
                .WithMessage("'Role' must be one of DIRECTOR, MANAGER, FLORIST, COURIER.");
        }
    }
}

public static class CreateUserHandler
{
    public static async Task<UserView> Handle(CreateUser command, IDocumentSession session, ICurrentUser currentUser, TimeProvider clock, CancellationToken ct)
    {
        var actor = currentUser.Actor;
        if (!actor.IsSuperadmin && !(actor.May(Permission.AddStaff) && actor.ShopId == command.ShopId))
            throw new ForbiddenException("Only the superadmin or a DIRECTOR of this shop can add its staff.");

        _ = await Shops.ShopStreams.LoadAsync(session, command.ShopId, ct);
        var phone = PhoneNumber.Parse(command.Phone).Value;
        await Accounts.EnsurePhoneIsFreeAsync(session, phone, ct);

        UserRoles.TryParse(command.Role, out var role);
        var opened = session.Open(command.Name, phone, command.Password, role, command.ShopId, null, Origins.Of(actor));
        return new UserView(opened.UserId, opened.Name, phone, null, role.Name(), command.ShopId, true, false, clock.GetUtcNow());
    }
}
