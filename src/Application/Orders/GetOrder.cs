using Cvety.Application.Common;
using Marten;

namespace Cvety.Application.Orders;

/// <summary>An order of the current shop, now or as it was at a version or a moment.</summary>
public sealed record GetOrder(Guid OrderId, long? AsOfVersion = null, DateTimeOffset? AsOf = null);

public static class GetOrderHandler
{
    public static async Task<OrderDetails> Handle(GetOrder query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        currentUser.RequireStaff();
        var order = query.AsOfVersion is null && query.AsOf is null
            ? await session.LoadAsync<OrderDetails>(query.OrderId, ct)
            : await session.Events.AggregateStreamAsync<OrderDetails>(query.OrderId, version: query.AsOfVersion ?? 0, timestamp: query.AsOf, token: ct);
        return order ?? throw new NotFoundException("Order", query.OrderId);
    }
}
