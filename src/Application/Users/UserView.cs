using System.Text.Json.Serialization;
using Cvety.Domain.Users;

namespace Cvety.Application.Users;

/// <summary>What the API shows of a user: never the password hash. <c>is_active</c> is false when removed or blocked.</summary>
public sealed record UserView(Guid Id, string Name, string Phone, string? Email, string Role, int? ShopId, bool IsActive, bool IsBlocked, DateTimeOffset CreatedAt)
{
    public long? TelegramUserId { get; init; }

    /// <summary>The legacy flag the admin SPA reads to show the platform's screens.</summary>
    public bool IsSuperadmin => Role == "SUPERADMIN";

    /// <summary>Goes into the token, never into a body.</summary>
    [JsonIgnore]
    public int SecurityStamp { get; init; }

    public static UserView Of(User user) =>
        new(user.Id, user.Name, user.Phone, user.Email, user.Role.Name(), user.ShopId, user.CanSignIn, user.IsBlocked, user.CreatedAt) { SecurityStamp = user.SecurityStamp, TelegramUserId = user.TelegramUserId };
}
