using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Inventory;
using Marten;

namespace Cvety.Application.Inventory;

/// <summary>The shop's warehouse; <c>LowOnly</c> gives the low-stock list (available at or below the item's minimum).</summary>
public sealed record ListWarehouseItems(bool LowOnly = false);

public sealed record GetWarehouseItem(Guid ItemId);

/// <summary>An item's movements, the legacy operation rows: what changed, by how much, the balance after, for which order, by whom.</summary>
public sealed record GetStockMovements(Guid ItemId);

public sealed record StockMovement(long Version, string Operation, int QuantityChange, int BalanceAfter, int ReservedAfter, Guid? OrderId, string? UserId, string Source, string? Reason, DateTimeOffset CreatedAt);

public static class ListWarehouseItemsHandler
{
    public static async Task<IReadOnlyList<WarehouseItem>> Handle(ListWarehouseItems query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        currentUser.RequireStaff();
        var items = await session.Query<WarehouseItem>().Where(i => !i.Archived).OrderBy(i => i.Name).Take(5000).ToListAsync(ct);
        return query.LowOnly ? items.Where(i => i.IsLow).OrderBy(i => i.Available - i.MinQuantity).ToList() : items;
    }
}

public static class GetWarehouseItemHandler
{
    public static async Task<WarehouseItem> Handle(GetWarehouseItem query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        currentUser.RequireStaff();
        return await session.LoadAsync<WarehouseItem>(query.ItemId, ct) ?? throw new NotFoundException("Warehouse item", query.ItemId);
    }
}

public static class GetStockMovementsHandler
{
    public static async Task<IReadOnlyList<StockMovement>> Handle(GetStockMovements query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        currentUser.RequireStaff();
        var events = await session.Events.FetchStreamAsync(query.ItemId, token: ct);
        if (events.Count == 0) throw new NotFoundException("Warehouse item", query.ItemId);
        WarehouseItem? item = null;
        var rows = new List<StockMovement>();
        foreach (var e in events)
        {
            var before = item?.Quantity ?? 0;
            item = WarehouseItem.Evolve(item, e.Data);
            var (operation, orderId, reason) = e.Data switch
            {
                WarehouseItemAdded => ("created", (Guid?)null, (string?)null),
                StockDelivered d => ("delivery", null, d.Comment),
                StockWrittenOff w => ("writeoff", null, w.Reason),
                StockCounted c => ("inventory", null, c.StockTakeId is { } take ? $"stock-take {take}" : null),
                StockSoldOverCounter c => ("sale", null, c.Comment),
                ItemRenamed => ("rename", null, null),
                ItemPhotoChanged => ("photo", null, null),
                ItemArchived a => ("archived", null, a.Reason),
                ItemPriceChanged => ("price_change", null, null),
                MinQuantitySet => ("min_quantity", null, null),
                StockReserved r => ("reservation", r.OrderId, null),
                ReservationReleased r => ("release", r.OrderId, null),
                StockSold s => ("sale", s.OrderId, s.Shortfall > 0 ? $"short by {s.Shortfall}" : null),
                _ => (e.EventTypeName, null, null),
            };
            var by = ((IInventoryEvent)e.Data).By;
            rows.Add(new StockMovement(e.Version, operation, item.Quantity - before, item.Quantity, item.Reserved, orderId,
                by.Source == Domain.Common.Sources.Admin ? by.Actor : null, by.Source, reason, e.Timestamp));
        }
        return rows;
    }
}
