using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Inventory;
using Marten;

namespace Cvety.Application.Inventory;

/// <summary>The shop's warehouse; <c>LowOnly</c> gives the low-stock list (available at or below the item's minimum).</summary>
public sealed record ListWarehouseItems(bool LowOnly = false);

public sealed record GetWarehouseItem(Guid ItemId);

/// <summary>An item with its movements, newest first, each naming who made it: the admin SPA's item page.</summary>
public sealed record GetWarehouseItemDetail(Guid ItemId);

/// <summary>The item's fields (as <see cref="WarehouseItem"/> answers them) and its <c>operations</c>.</summary>
public sealed record WarehouseItemDetail(Guid Id, int ShopId, string Name, int Quantity, int Reserved, int Available, Domain.Common.Money CostPrice,
    Domain.Common.Money RetailPrice, int MinQuantity, string? Image, DateTimeOffset? LastDeliveryDate, bool Archived, long Version,
    IReadOnlyList<StockMovement> Operations);

/// <summary>An item's movements, the legacy operation rows: what changed, by how much, the balance after, for which order, by whom.</summary>
public sealed record GetStockMovements(Guid ItemId);

/// <summary>One movement of an item; <c>id</c>, <c>operation_type</c>, <c>description</c> and <c>user_name</c> are the legacy operation row's names.</summary>
public sealed record StockMovement(long Version, string Operation, int QuantityChange, int BalanceAfter, int ReservedAfter, Guid? OrderId, string? UserId, string Source, string? Reason, DateTimeOffset CreatedAt)
{
    public Guid WarehouseItemId { get; init; }
    public string? UserName { get; init; }
    public long Id => Version;
    public string OperationType => Operation;
    public string? Description => Reason;
}

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
    public static async Task<WarehouseItemDetail> Handle(GetWarehouseItemDetail query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var item = await GetWarehouseItemHandler.Handle(new GetWarehouseItem(query.ItemId), session, currentUser, ct);
        var rows = await Handle(new GetStockMovements(query.ItemId), session, currentUser, ct);
        var ids = rows.Select(r => Guid.TryParse(r.UserId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToArray();
        var names = ids.Length == 0 ? [] : (await session.Query<Domain.Users.User>().Where(u => ids.Contains(u.Id)).ToListAsync(ct)).ToDictionary(u => u.Id.ToString(), u => u.Name);
        return new WarehouseItemDetail(item.Id, item.ShopId, item.Name, item.Quantity, item.Reserved, item.Available, item.CostPrice, item.RetailPrice,
            item.MinQuantity, item.Image, item.LastDeliveryDate, item.Archived, item.Version,
            rows.Reverse().Select(r => r with { UserName = r.UserId is { } u ? names.GetValueOrDefault(u) : null }).ToList());
    }

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
                by.Source == Domain.Common.Sources.Admin ? by.Actor : null, by.Source, reason, e.Timestamp) { WarehouseItemId = query.ItemId });
        }
        return rows;
    }
}
