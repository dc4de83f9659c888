using Cvety.Domain.Users;
using Cvety.Application.Common;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using Marten;
using JasperFx.Events;
using Wolverine;

namespace Cvety.Application.Orders;

/// <summary>
/// Opens an order's stream for writing in the current shop. The session is the shop's, so another shop's order is
/// simply not there (404). With an expected version (If-Match), a stale one fails before anything is decided;
/// without one, Marten still refuses the append if another writer got in between.
/// </summary>
public static class OrderStreams
{
    public static async Task<IEventStream<Order>> ForWritingAsync(IDocumentSession session, Guid orderId, long? expectedVersion, CancellationToken ct)
    {
        var stream = expectedVersion is { } version
            ? await session.Events.FetchForWriting<Order>(orderId, version, ct)
            : await session.Events.FetchForWriting<Order>(orderId, ct);
        if (stream.Aggregate is null) throw new NotFoundException("Order", orderId);
        return stream;
    }

    /// <summary>
    /// Starts a new order's stream and makes it findable by its public tracking id.
    /// Every way an order comes into being goes through here, so none is left without its tracking lookup. What the
    /// new order sets going is raised as it is committed (<see cref="Reactions"/>).
    /// </summary>
    public static void Start(this IDocumentSession session, OrderPlaced placed)
    {
        session.Events.StartStream<Order>(placed.OrderId, placed);
        session.Insert(new TrackingLookup(placed.TrackingId, placed.ShopId, placed.OrderId));
    }

    /// <summary>
    /// The order Wolverine fetched for a handler (<c>[WriteAggregate]</c>, in the caller's shop: another shop's order is
    /// simply not there), or 404. A command that names the version its sender saw (If-Match) fails on any other before
    /// anything is decided; either way Marten refuses the append if another writer got in after the fetch.
    /// </summary>
    public static Order OrFail(this Order? order, Guid orderId, long? expectedVersion = null)
    {
        if (order is null) throw new NotFoundException("Order", orderId);
        if (expectedVersion is { } expected && expected != order.Version)
            throw new JasperFx.ConcurrencyException($"Order {orderId} is at version {order.Version}, not {expected}.", null);
        return order;
    }

    public static Actor RequireStaff(this ICurrentUser currentUser) =>
        currentUser.Actor is { IsAuthenticated: true } actor ? actor : throw new AuthenticationFailedException("Sign in as staff.");

    /// <summary>Staff whose role holds <paramref name="permission"/>; anyone else is refused with <paramref name="refusal"/>.</summary>
    public static Actor Require(this ICurrentUser currentUser, Permission permission, string refusal) =>
        currentUser.RequireStaff() is var actor && actor.May(permission) ? actor : throw new ForbiddenException(refusal);
}
