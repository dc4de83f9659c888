using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Inventory;
using Cvety.Domain.Products;
using Marten;

namespace Cvety.Application.Inventory;

/// <summary>Placing an order holds the stock its products are made of (see <see cref="Reactions"/>).</summary>
public sealed record ReserveStockForOrder(Guid OrderId);

/// <summary>A cancelled order lets go of what it held.</summary>
public sealed record ReleaseStockForOrder(Guid OrderId);

/// <summary>Lines were added or removed before assembly: what the order holds follows its lines again.</summary>
public sealed record ReconcileStockForOrder(Guid OrderId);

/// <summary>An assembled bouquet turns what it held into a sale.</summary>
public sealed record SellStockForOrder(Guid OrderId);

public enum OrderStockState
{
    Reserved,
    Released,
    Sold,
}

/// <summary>
/// What an order holds, per warehouse item, and where that stands. One per order: it makes each of the three
/// messages act once, in whatever order they arrive (a release that comes first makes a late reservation a no-op).
/// </summary>
public sealed class OrderStock
{
    public Guid Id { get; set; }
    public OrderStockState State { get; set; }
    public Dictionary<Guid, int> Items { get; set; } = [];
}

public static class OrderStockHandler
{
    private static readonly Origin Stock = Origin.System("inventory");

    public static async Task Handle(ReserveStockForOrder message, IDocumentSession session, CancellationToken ct)
    {
        if (await session.LoadAsync<OrderStock>(message.OrderId, ct) is not null) return;
        var needs = await NeedsAsync(session, message.OrderId, ct);
        await DecideForEachAsync(session, needs.Keys, item => InventoryDecisions.Reserve(item, message.OrderId, needs[item.Id], Stock), ct);
        session.Store(new OrderStock { Id = message.OrderId, State = OrderStockState.Reserved, Items = needs });
    }

    public static async Task Handle(ReleaseStockForOrder message, IDocumentSession session, CancellationToken ct)
    {
        var held = await session.LoadAsync<OrderStock>(message.OrderId, ct);
        if (held is null)
        {
            session.Store(new OrderStock { Id = message.OrderId, State = OrderStockState.Released });
            return;
        }
        if (held.State != OrderStockState.Reserved) return;
        await DecideForEachAsync(session, held.Items.Keys, item => InventoryDecisions.Release(item, message.OrderId, Stock), ct);
        held.State = OrderStockState.Released;
        session.Store(held);
    }

    public static async Task Handle(SellStockForOrder message, IDocumentSession session, CancellationToken ct)
    {
        var held = await session.LoadAsync<OrderStock>(message.OrderId, ct);
        if (held is { State: not OrderStockState.Reserved }) return;
        // Assembled before the reservation was made: hold and sell in one go.
        var items = held?.Items ?? await NeedsAsync(session, message.OrderId, ct);
        await DecideForEachAsync(session, items.Keys, item =>
        {
            var reserve = InventoryDecisions.Reserve(item, message.OrderId, items[item.Id], Stock);
            foreach (var e in reserve) WarehouseItem.Evolve(item, e);
            return [.. reserve, .. InventoryDecisions.Sell(item, message.OrderId, Stock)];
        }, ct);
        session.Store(new OrderStock { Id = message.OrderId, State = OrderStockState.Sold, Items = items });
    }

    public static async Task Handle(ReconcileStockForOrder message, IDocumentSession session, CancellationToken ct)
    {
        var held = await session.LoadAsync<OrderStock>(message.OrderId, ct);
        // Not reserved yet (the reservation will read the new lines), or already released or sold: nothing to follow.
        if (held is not { State: OrderStockState.Reserved }) return;
        var needs = await NeedsAsync(session, message.OrderId, ct);
        var changed = held.Items.Keys.Union(needs.Keys).Where(id => held.Items.GetValueOrDefault(id) != needs.GetValueOrDefault(id)).ToList();
        await DecideForEachAsync(session, changed, item =>
        {
            var release = InventoryDecisions.Release(item, message.OrderId, Stock);
            foreach (var e in release) WarehouseItem.Evolve(item, e);
            return [.. release, .. InventoryDecisions.Reserve(item, message.OrderId, needs.GetValueOrDefault(item.Id), Stock)];
        }, ct);
        held.Items = needs;
        session.Store(held);
    }

    /// <summary>Decides on each warehouse item that still exists and appends what was decided; a deleted item is skipped.</summary>
    private static async Task DecideForEachAsync(IDocumentSession session, IEnumerable<Guid> itemIds, Func<WarehouseItem, object[]> decide, CancellationToken ct)
    {
        foreach (var itemId in itemIds)
        {
            var stream = await session.Events.FetchForWriting<WarehouseItem>(itemId, ct);
            if (stream.Aggregate is { } item) stream.AppendMany(decide(item));
        }
    }

    /// <summary>The order's lines times their products' compositions, summed per warehouse item.</summary>
    public static async Task<Dictionary<Guid, int>> NeedsAsync(IQuerySession session, Guid orderId, CancellationToken ct)
    {
        var order = await session.LoadAsync<OrderDetails>(orderId, ct);
        if (order is null) return [];
        var lines = order.Items.Select(i => (i.ProductId, i.Quantity)).ToList();
        return await StockNeeds.ForLinesAsync(session, lines, ct);
    }
}

public static class StockNeeds
{
    public static async Task<Dictionary<Guid, int>> ForLinesAsync(IQuerySession session, IReadOnlyList<(int ProductId, int Quantity)> lines, CancellationToken ct)
    {
        var ids = lines.Select(l => l.ProductId).Distinct().ToArray();
        var products = (await session.LoadManyAsync<Product>(ct, ids)).ToDictionary(p => p.Id);
        var needs = new Dictionary<Guid, int>();
        foreach (var (productId, quantity) in lines)
        {
            if (!products.TryGetValue(productId, out var product)) continue;
            foreach (var part in product.Composition)
                needs[part.ItemId] = checked(needs.GetValueOrDefault(part.ItemId) + part.Quantity * quantity);
        }
        return needs;
    }
}
