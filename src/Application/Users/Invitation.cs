using Cvety.Application.Orders;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Cvety.Application.Users;

/// <summary>An invitation into a shop's team, from the shop's stream. Found by phone when that phone signs up or in.</summary>
public sealed class Invitation
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Cancelled = "cancelled";

    public Guid Id { get; set; }
    public int ShopId { get; set; }
    public string Phone { get; set; } = "";
    public string? Name { get; set; }
    public UserRole Role { get; set; }
    public string Status { get; set; } = Pending;
    public string InvitedBy { get; set; } = "";
    public Guid? UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed partial class InvitationProjection : MultiStreamProjection<Invitation, Guid>
{
    public InvitationProjection()
    {
        Identity<MemberInvited>(e => e.InvitationId);
        Identity<InvitationCancelled>(e => e.InvitationId);
        Identity<InvitationAccepted>(e => e.InvitationId);
    }

    public Invitation Create(IEvent<MemberInvited> e) => new()
    {
        Id = e.Data.InvitationId, ShopId = e.Data.ShopId, Phone = e.Data.Phone, Name = e.Data.Name, Role = e.Data.Role,
        InvitedBy = e.Data.By.Actor, CreatedAt = e.At(), UpdatedAt = e.At(),
    };

    public void Apply(IEvent<InvitationCancelled> e, Invitation invitation) => (invitation.Status, invitation.UpdatedAt) = (Invitation.Cancelled, e.At());

    public void Apply(IEvent<InvitationAccepted> e, Invitation invitation) =>
        (invitation.Status, invitation.UserId, invitation.UpdatedAt) = (Invitation.Accepted, e.Data.UserId, e.At());
}
