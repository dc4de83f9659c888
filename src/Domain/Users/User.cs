namespace Cvety.Domain.Users;

/// <summary>
/// A person who signs in, folded from the events of their account's stream (<see cref="UserRegistered"/> ...).
/// Staff belong to one shop; the superadmin belongs to none. The phone is the login and is unique across the whole
/// system. <see cref="SecurityStamp"/> is written into every token: when it moves, every token issued before stops
/// working, on every instance of the API.
/// </summary>
public sealed class User
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string? Email { get; set; }
    public string PasswordHash { get; set; } = "";
    public UserRole Role { get; set; }
    public int? ShopId { get; set; }
    public long? TelegramUserId { get; set; }

    /// <summary>False once removed from the team: history keeps the name, the account no longer signs in.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Blocked by the platform (superadmin).</summary>
    public bool IsBlocked { get; set; }

    public int SecurityStamp { get; set; }

    /// <summary>The one session that survives the last stamp change: the one that changed its own password.</summary>
    public Guid? KeptSession { get; set; }

    /// <summary>Sessions signed out before their token expires; dropped from the list once expired.</summary>
    public List<RevokedSession> RevokedSessions { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool CanSignIn => IsActive && !IsBlocked;

    /// <summary>Whether a token carrying this stamp and session id still stands for this user.</summary>
    public bool Honours(int stamp, Guid? session) =>
        CanSignIn
        && (stamp == SecurityStamp || (session is { } kept && kept == KeptSession))
        && (session is null || RevokedSessions.TrueForAll(r => r.SessionId != session));
}

public sealed record RevokedSession(Guid SessionId, DateTimeOffset Until);
