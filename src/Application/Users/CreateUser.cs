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
        if (!actor.IsSuperadmin && !(actor.Role == UserRole.Director && actor.ShopId == command.ShopId))
            throw new ForbiddenException("Only the superadmin or a DIRECTOR of this shop can add its staff.");

        _ = await session.LoadAsync<Shop>(command.ShopId, ct) ?? throw new NotFoundException("Shop", command.ShopId);

        var phone = PhoneNumber.Parse(command.Phone).Value;
        if (await session.Query<User>().AnyAsync(u => u.Phone == phone, ct))
            throw new ConflictException($"A user with phone {phone} already exists.");

        UserRoles.TryParse(command.Role, out var role);
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Name = command.Name.Trim(),
            Phone = phone,
            PasswordHash = PasswordHasher.Hash(command.Password),
            Role = role,
            ShopId = command.ShopId,
            CreatedAt = clock.GetUtcNow(),
        };
        session.Insert(user);
        return UserView.Of(user);
    }
}
