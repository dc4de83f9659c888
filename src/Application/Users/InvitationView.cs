using Cvety.Domain.Users;

namespace Cvety.Application.Users;

/// <summary>
/// An invitation as the team screen shows it (the role by its upper-case name). <c>invitation_code</c> is the legacy
/// six digits the admin SPA shows for the invitee; a sign-up with the invited phone joins without it, and one that gives
/// a code must give this one. Cvety's invitations do not expire, so <c>expires_at</c> is null (ADR 0024).
/// </summary>
public sealed record InvitationView(Guid Id, int ShopId, string Phone, string? Name, string Role, string Status, string InvitedBy, Guid? UserId, DateTimeOffset CreatedAt)
{
    public static InvitationView Of(Invitation i) => new(i.Id, i.ShopId, i.Phone, i.Name, i.Role.Name(), i.Status, i.InvitedBy, i.UserId, i.CreatedAt);

    public string InvitationCode => CodeOf(Id);

    public DateTimeOffset? ExpiresAt => null;

    /// <summary>Six digits derived from the invitation's id: the same in every answer, nothing stored.</summary>
    public static string CodeOf(Guid id) =>
        (BitConverter.ToUInt32(id.ToByteArray(), 12) % 900_000 + 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
