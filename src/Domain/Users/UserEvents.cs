using Cvety.Domain.Common;

namespace Cvety.Domain.Users;

/// <summary>
/// Everything that happens to an account. The stream id is the user id; every event says who did it (origin) and,
/// where there is one, why. Password hashes travel in the events that set them, never in any view.
/// </summary>
public interface IUserEvent
{
    Guid UserId { get; }
    Origin By { get; }
}

/// <summary>An account is opened: by the superadmin, by a shop's director, by self-registration or by accepting an invitation.</summary>
public sealed record UserRegistered(Guid UserId, string Name, string Phone, string PasswordHash, UserRole Role, int? ShopId, string? Email, Origin By) : IUserEvent;

public sealed record UserProfileChanged(Guid UserId, string Name, string? Email, Origin By) : IUserEvent;

public sealed record UserPhoneChanged(Guid UserId, string OldPhone, string NewPhone, Origin By) : IUserEvent;

/// <summary>The user linked their Telegram account (the admin bot then knows them), or unlinked it (null).</summary>
public sealed record UserTelegramLinked(Guid UserId, long? TelegramUserId, Origin By) : IUserEvent;

/// <summary>The user changed their own password; every other token of theirs stops working, <paramref name="KeptSession"/> goes on.</summary>
public sealed record UserPasswordChanged(Guid UserId, string PasswordHash, Guid? KeptSession, Origin By) : IUserEvent;

/// <summary>The superadmin set a new password; every token of the user stops working.</summary>
/// <summary>
/// A password taken over from the legacy system (bcrypt) was verified at sign-in and is now kept as Cvety hashes
/// passwords. The password is the same, so no session ends.
/// </summary>
public sealed record UserPasswordRehashed(Guid UserId, string PasswordHash, Origin By) : IUserEvent;

public sealed record UserPasswordReset(Guid UserId, string PasswordHash, string? Reason, Origin By) : IUserEvent;

public sealed record UserRoleChanged(Guid UserId, UserRole OldRole, UserRole NewRole, Origin By) : IUserEvent;

/// <summary>Removed from the team: the account stays (history keeps the name) but cannot sign in.</summary>
public sealed record UserDeactivated(Guid UserId, string? Reason, Origin By) : IUserEvent;

/// <summary>Taken back into the team by accepting a new invitation.</summary>
public sealed record UserReactivated(Guid UserId, UserRole Role, Origin By) : IUserEvent;

public sealed record UserBlocked(Guid UserId, string? Reason, Origin By) : IUserEvent;

public sealed record UserUnblocked(Guid UserId, string? Reason, Origin By) : IUserEvent;

/// <summary>One session signed out: its token stops working before it expires.</summary>
public sealed record UserSignedOut(Guid UserId, Guid SessionId, DateTimeOffset TokenExpires, Origin By) : IUserEvent;

/// <summary>The rules of an account. Who may ask is decided before (authorisation); these are what the account allows.</summary>
public static class UserDecisions
{
    /// <summary>Roles by rank: a person may give a role up to their own, never above it.</summary>
    public static int Rank(UserRole role) => role switch
    {
        UserRole.Superadmin => 4,
        UserRole.Director => 3,
        UserRole.Manager => 2,
        _ => 1,
    };

    public static object[] ChangeRole(User user, UserRole newRole, bool lastDirector, Origin by)
    {
        if (user.Role == newRole) return [];
        if (user.Role == UserRole.Director && lastDirector)
            throw new DomainException("Cannot demote the last director. At least one director must remain");
        return [new UserRoleChanged(user.Id, user.Role, newRole, by)];
    }

    public static object[] Deactivate(User user, bool lastDirector, string? reason, Origin by)
    {
        if (!user.IsActive) return [];
        if (user.Role == UserRole.Director && lastDirector)
            throw new DomainException("The shop's last DIRECTOR cannot be removed.");
        return [new UserDeactivated(user.Id, reason, by)];
    }

    public static object[] Block(User user, bool blocked, string? reason, Origin by)
    {
        if (user.Role == UserRole.Superadmin) throw new DomainException("The superadmin cannot be blocked.");
        if (user.IsBlocked == blocked) return [];
        return blocked ? [new UserBlocked(user.Id, reason, by)] : [new UserUnblocked(user.Id, reason, by)];
    }

    public static object[] ChangeProfile(User user, string name, string? email, string? newPhone, Origin by, long? telegramUserId = null)
    {
        var events = new List<object>();
        if (telegramUserId is { } telegram && telegram != user.TelegramUserId) events.Add(new UserTelegramLinked(user.Id, telegram == 0 ? null : telegram, by));
        if (name != user.Name || email != user.Email) events.Add(new UserProfileChanged(user.Id, name, email, by));
        if (newPhone is not null && newPhone != user.Phone) events.Add(new UserPhoneChanged(user.Id, user.Phone, newPhone, by));
        return [.. events];
    }
}
