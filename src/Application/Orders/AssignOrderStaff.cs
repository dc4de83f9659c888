using Cvety.Application.Common;
using Cvety.Domain.Orders;
using Cvety.Domain.Users;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace Cvety.Application.Orders;

public enum StaffAssignment
{
    Responsible,
    Courier,
}

/// <summary>
/// Puts a florist in charge of an order, or a courier on it. Managers and directors assign anyone of their shop;
/// a florist may take an order themselves, and so may a courier.
/// </summary>
public sealed record AssignOrderStaff(Guid OrderId, Guid UserId, StaffAssignment Assignment, long? ExpectedVersion = null);

public static class AssignOrderStaffHandler
{

    public static async Task<object[]> Handle(AssignOrderStaff command, [WriteAggregate(Required = false)] Order? order, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var actor = currentUser.RequireStaff();
        var (eligible, selfRole) = command.Assignment == StaffAssignment.Responsible
            ? (new[] { UserRole.Florist, UserRole.Manager, UserRole.Director }, UserRole.Florist)
            : (new[] { UserRole.Courier }, UserRole.Courier);

        var self = actor.UserId == command.UserId && actor.Role == selfRole;
        if (!actor.May(Permission.AssignOthers) && !self)
            throw new ForbiddenException("Only managers and directors assign other people to orders.");

        var shopId = Tenancy.ShopOf(session);
        var user = await session.LoadAsync<User>(command.UserId, ct);
        // Someone of another shop is, for this shop, nobody.
        if (user is null || user.ShopId != shopId || !user.IsActive) throw new NotFoundException("User", command.UserId);
        if (!eligible.Contains(user.Role))
            throw new Domain.Common.DomainException($"A {user.Role.Name()} cannot be assigned as {command.Assignment.ToString().ToLowerInvariant()}.");

        var found = order.OrFail(command.OrderId, command.ExpectedVersion);
        var origin = Origins.Of(actor);
        return command.Assignment == StaffAssignment.Responsible
            ? OrderDecisions.AssignResponsible(found, user.Id, user.Name, origin)
            : OrderDecisions.AssignCourier(found, user.Id, user.Name, origin);
    }
}
