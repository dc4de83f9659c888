using Cvety.Domain.Products;
using Marten;

namespace Cvety.Application.Products;

/// <summary>A product's history: every change, who made it, from where and when (staff only).</summary>
public sealed record GetProductHistory(int ProductId);

public sealed record ProductHistoryEntry(long Version, string Event, DateTimeOffset At, string Source, string Actor, string? Role, object Data);

public static class GetProductHistoryHandler
{
    public static async Task<IReadOnlyList<ProductHistoryEntry>> Handle(GetProductHistory query, IQuerySession session, Common.ICurrentUser currentUser, CancellationToken ct)
    {
        Orders.OrderStreams.RequireStaff(currentUser);
        await ProductStreams.LoadAsync(session, query.ProductId, ct);
        var events = await session.Events.FetchStreamAsync(ProductStreams.StreamOf(query.ProductId), token: ct);
        return events.Select(e =>
        {
            var by = ((IProductEvent)e.Data).By;
            return new ProductHistoryEntry(e.Version, e.EventTypeName, e.Timestamp, by.Source, by.Actor, by.Role, e.Data);
        }).ToList();
    }
}
