using Cvety.Domain.Users;

namespace Cvety.Application.Users;

/// <summary>What the API shows of a user: never the password hash.</summary>
public sealed record UserView(Guid Id, string Name, string Phone, string Role, int? ShopId, bool IsActive)
{
    public static UserView Of(User user) => new(user.Id, user.Name, user.Phone, user.Role.Name(), user.ShopId, user.IsActive);
}
