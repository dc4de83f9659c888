using Cvety.Domain.Users;

namespace Cvety.Application.Users;

/// <summary>An invitation as the team screen shows it (the role by its upper-case name).</summary>
public sealed record InvitationView(Guid Id, int ShopId, string Phone, string? Name, string Role, string Status, string InvitedBy, Guid? UserId, DateTimeOffset CreatedAt)
{
    public static InvitationView Of(Invitation i) => new(i.Id, i.ShopId, i.Phone, i.Name, i.Role.Name(), i.Status, i.InvitedBy, i.UserId, i.CreatedAt);
}
