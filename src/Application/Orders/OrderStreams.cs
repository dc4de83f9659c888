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
    /// Starts a new order's stream and makes it findable by its public tracking id, stamped with who placed it.
    /// Every way an order comes into being goes through here, so none is left without its tracking lookup.
    /// </summary>
    /// <returns>What the new order sets going (<see cref="Reactions"/>), for the handler to return.</returns>
    public static OutgoingMessages Start(this IDocumentSession session, OrderPlaced placed, Reactions reactions)
    {
        session.Stamp(placed.By);
        session.Events.StartStream<Order>(placed.OrderId, placed);
        session.Insert(new TrackingLookup(placed.TrackingId, placed.ShopId, placed.OrderId));
        return reactions.ToOrder(null, [placed], 1);
    }

    /// <summary>
    /// Appends what a decision returned to the stream it was decided on, stamped with who did it, and answers what the
    /// events set going (<see cref="Reactions"/>): the handler returns those messages, so they leave with the events.
    /// </summary>
    public static OutgoingMessages Append(this IDocumentSession session, IEventStream<Order> stream, Origin origin, Reactions reactions, params object[] events)
    {
        if (events.Length == 0) return [];
        session.Stamp(origin);
        var messages = reactions.ToOrder(stream.Aggregate, events, (stream.CurrentVersion ?? stream.StartingVersion ?? 0) + 1);
        stream.AppendMany(events);
        return messages;
    }

    /// <summary>Marten's event metadata says who and from where too: user name and a source header.</summary>
    public static void Stamp(this IDocumentSession session, Origin origin)
    {
        session.LastModifiedBy = origin.Actor;
        session.SetHeader("source", origin.Source);
        if (origin.Role is not null) session.SetHeader("role", origin.Role);
    }

    public static Actor RequireStaff(this ICurrentUser currentUser) =>
        currentUser.Actor is { IsAuthenticated: true } actor ? actor : throw new AuthenticationFailedException("Sign in as staff.");

    /// <summary>Staff whose role holds <paramref name="permission"/>; anyone else is refused with <paramref name="refusal"/>.</summary>
    public static Actor Require(this ICurrentUser currentUser, Permission permission, string refusal) =>
        currentUser.RequireStaff() is var actor && actor.May(permission) ? actor : throw new ForbiddenException(refusal);
}
