using Cvety.Application.Common;
using Marten;

namespace Cvety.Application.Orders;

/// <summary>The order's rows of the <c>order_history</c> projection, oldest first.</summary>
public sealed record GetOrderHistory(Guid OrderId);

public static class GetOrderHistoryHandler
{
    public static async Task<IReadOnlyList<OrderHistoryRow>> Handle(GetOrderHistory query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        currentUser.RequireStaff();
        var history = await session.LoadAsync<OrderHistory>(query.OrderId, ct) ?? throw new NotFoundException("Order", query.OrderId);
        return history.Rows;
    }
}
