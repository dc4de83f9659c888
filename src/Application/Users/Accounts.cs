using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Users;
using Marten;

namespace Cvety.Application.Users;

/// <summary>What the account use cases share: opening an account's stream, and who may manage a team.</summary>
public static class Accounts
{

    /// <summary>Opens an account: its stream, stamped with who opened it. The phone's unique index refuses a second account.</summary>
    public static UserRegistered Open(this IDocumentSession session, string name, string phone, string password, UserRole role, int? shopId, string? email, Origin by)
    {
        var registered = new UserRegistered(Guid.CreateVersion7(), name.Trim(), phone, PasswordHasher.Hash(password), role, shopId, email?.Trim(), by);
        session.Events.StartStream<User>(registered.UserId, registered);
        return registered;
    }

    public static async Task EnsurePhoneIsFreeAsync(IQuerySession session, string phone, CancellationToken ct)
    {
        if (await session.Query<User>().AnyAsync(u => u.Phone == phone, ct))
            throw new ConflictException("Phone number already registered");
    }

    /// <summary>The caller may manage the team of <paramref name="shopId"/>: its DIRECTOR or MANAGER, or the superadmin.</summary>
    public static Actor RequireTeamManager(this ICurrentUser currentUser, int? shopId = null)
    {
        var actor = currentUser.RequireStaff();
        if (!actor.May(Permission.ManageTeam)) throw new ForbiddenException("Only a DIRECTOR or MANAGER manages the team.");
        return actor;
    }

    /// <summary>A user of another shop looks exactly like a missing one.</summary>
    public static User Visible(this User? user, Actor actor, Guid id) =>
        user is not null && (actor.IsSuperadmin || (user.ShopId is { } shop && actor.ShopId == shop)) ? user : throw new NotFoundException("User", id);

    /// <summary>Nobody gives, or takes from, a role above their own.</summary>
    public static void RequireRankOver(this Actor actor, UserRole role)
    {
        if (UserDecisions.Rank(role) > UserDecisions.Rank(actor.Role!.Value))
            throw new ForbiddenException($"A {actor.Role.Value.Name()} cannot manage a {role.Name()}.");
    }

    public static async Task<bool> IsLastDirectorAsync(IQuerySession session, User user, CancellationToken ct) =>
        user.Role == UserRole.Director
        && !await session.Query<User>().AnyAsync(u => u.ShopId == user.ShopId && u.Role == UserRole.Director && u.IsActive && u.Id != user.Id, ct);
}
