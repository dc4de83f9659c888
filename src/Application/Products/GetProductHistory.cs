using Cvety.Application.Common;
using Cvety.Domain.Products;
using Marten;

namespace Cvety.Application.Products;

/// <summary>A product's history: every change, who made it, from where and when (staff only).</summary>
public sealed record GetProductHistory(int ProductId);

public static class GetProductHistoryHandler
{
    public static async Task<IReadOnlyList<HistoryEntry>> Handle(GetProductHistory query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        Orders.OrderStreams.RequireStaff(currentUser);
        await ProductStreams.LoadAsync(session, query.ProductId, ct);
        var events = await session.Events.FetchStreamAsync(ProductStreams.StreamOf(query.ProductId), token: ct);
        return ChangeHistory.Of(events, data => (data as IProductEvent)?.By);
    }
}
