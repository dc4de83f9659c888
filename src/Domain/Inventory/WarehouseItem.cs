using Cvety.Domain.Common;

namespace Cvety.Domain.Inventory;

/// <summary>
/// A warehouse item and its stock, folded from its movements. <see cref="Quantity"/> is what is on hand (never
/// negative); <see cref="Reserved"/> is held for placed orders; <see cref="Available"/> is what new orders can count
/// on, negative when orders already need more than there is.
/// </summary>
public sealed class WarehouseItem
{
    public Guid Id { get; set; }
    public int ShopId { get; set; }
    public string Name { get; set; } = "";
    public int Quantity { get; set; }
    public int Reserved { get; set; }
    public int Available { get; set; }
    public Money CostPrice { get; set; }
    public Money RetailPrice { get; set; }
    public int MinQuantity { get; set; }
    public string? Image { get; set; }
    public DateTimeOffset? LastDeliveryDate { get; set; }
    public Dictionary<Guid, int> Reservations { get; set; } = [];
    public long Version { get; set; }

    public bool IsLow => Available <= MinQuantity;

    public bool Archived { get; set; }

    /// <summary>One event applied to the state before it (null before the first), for reading a stream by hand.</summary>
    public static WarehouseItem Evolve(WarehouseItem? item, object e)
    {
        if (e is WarehouseItemAdded added) return Create(added);
        ArgumentNullException.ThrowIfNull(item);
        switch (e)
        {
            case StockDelivered x: item.Apply(x); break;
            case StockWrittenOff x: item.Apply(x); break;
            case StockCounted x: item.Apply(x); break;
            case ItemPriceChanged x: item.Apply(x); break;
            case MinQuantitySet x: item.Apply(x); break;
            case StockReserved x: item.Apply(x); break;
            case ReservationReleased x: item.Apply(x); break;
            case StockSold x: item.Apply(x); break;
            case ItemRenamed x: item.Name = x.Name; break;
            case StockSoldOverCounter x: item.Change(-x.Quantity); break;
            case ItemPhotoChanged x: item.Image = x.Image; break;
            case ItemArchived: item.Archived = true; break;
        }
        return item;
    }

    public static WarehouseItem Create(WarehouseItemAdded e) => new()
    {
        Id = e.ItemId, ShopId = e.ShopId, Name = e.Name, CostPrice = e.CostPrice, RetailPrice = e.RetailPrice, MinQuantity = e.MinQuantity, Image = e.Image,
    };

    public void Apply(StockDelivered e) => Change(e.Quantity, () => { if (e.CostPrice is { } cost) CostPrice = cost; });

    public void Apply(StockWrittenOff e) => Change(-e.Quantity);

    public void Apply(StockCounted e) => Change(e.Difference);

    public void Apply(ItemPriceChanged e)
    {
        CostPrice = e.CostPrice;
        RetailPrice = e.RetailPrice;
    }

    public void Apply(MinQuantitySet e) => MinQuantity = e.MinQuantity;

    public void Apply(StockReserved e)
    {
        Reservations[e.OrderId] = e.Quantity;
        Recount();
    }

    public void Apply(ReservationReleased e)
    {
        Reservations.Remove(e.OrderId);
        Recount();
    }

    public void Apply(StockSold e)
    {
        Reservations.Remove(e.OrderId);
        Change(-e.Quantity);
    }

    internal void Change(int delta, Action? also = null)
    {
        Quantity += delta;
        also?.Invoke();
        Recount();
    }

    private void Recount()
    {
        Reserved = Reservations.Values.Sum();
        Available = Quantity - Reserved;
    }
}

/// <summary>Pure decisions over one item's stock. Order-driven ones are idempotent per order, so a repeated message changes nothing.</summary>
public static class InventoryDecisions
{
    public const int MaxQuantity = 1_000_000;

    public static object[] Deliver(WarehouseItem item, int quantity, Money? costPrice, string? comment, Origin by)
    {
        Positive(quantity);
        if (item.Quantity + (long)quantity > MaxQuantity) throw new DomainException($"Stock of one item cannot exceed {MaxQuantity}.");
        return [new StockDelivered(item.Id, quantity, costPrice, comment, by)];
    }

    public static object[] WriteOff(WarehouseItem item, int quantity, string reason, Origin by)
    {
        Positive(quantity);
        if (quantity > item.Quantity)
            throw new DomainException($"Only {item.Quantity} of '{item.Name}' are on hand; {quantity} cannot be written off.");
        return [new StockWrittenOff(item.Id, quantity, reason, by)];
    }

    public static object[] Count(WarehouseItem item, int counted, Origin by)
    {
        if (counted < 0 || counted > MaxQuantity) throw new DomainException($"A count is between 0 and {MaxQuantity}.");
        return counted == item.Quantity ? [] : [new StockCounted(item.Id, counted, counted - item.Quantity, by)];
    }

    /// <summary>
    /// A stock-take's count, reconciled with what moved since it was taken: the difference between what was counted
    /// and what the books expected then is applied to the quantity now, never below zero.
    /// </summary>
    public static object[] CountForStockTake(WarehouseItem item, int expectedThen, int counted, Guid stockTakeId, Origin by)
    {
        if (counted < 0 || counted > MaxQuantity) throw new DomainException($"A count is between 0 and {MaxQuantity}.");
        var now = Math.Max(0, item.Quantity + (counted - expectedThen));
        return now == item.Quantity ? [] : [new StockCounted(item.Id, now, now - item.Quantity, by, stockTakeId)];
    }

    public static object[] SellOverCounter(WarehouseItem item, int quantity, Money? price, string? comment, Origin by)
    {
        Positive(quantity);
        if (quantity > item.Available) throw new DomainException($"Only {item.Available} of '{item.Name}' are free to sell; {quantity} cannot be sold.");
        return [new StockSoldOverCounter(item.Id, quantity, price, comment, by)];
    }

    public static object[] Rename(WarehouseItem item, string name, Origin by) =>
        string.IsNullOrWhiteSpace(name) || name == item.Name ? [] : [new ItemRenamed(item.Id, name.Trim(), by)];

    public static object[] Archive(WarehouseItem item, string? reason, Origin by)
    {
        if (item.Archived) return [];
        if (item.Reserved > 0) throw new DomainException($"'{item.Name}' is held for {item.Reservations.Count} order(s); it cannot be removed while reserved.");
        return [new ItemArchived(item.Id, reason, by)];
    }

    public static object[] ChangePrice(WarehouseItem item, Money cost, Money retail, Origin by)
    {
        if (cost.Tiyn < 0 || retail.Tiyn < 0) throw new DomainException("Prices cannot be negative.");
        return cost == item.CostPrice && retail == item.RetailPrice ? [] : [new ItemPriceChanged(item.Id, cost, retail, by)];
    }

    public static object[] SetMinQuantity(WarehouseItem item, int min, Origin by)
    {
        if (min < 0) throw new DomainException("The minimum cannot be negative.");
        return min == item.MinQuantity ? [] : [new MinQuantitySet(item.Id, min, by)];
    }

    public static object[] Reserve(WarehouseItem item, Guid orderId, int quantity, Origin by) =>
        quantity <= 0 || item.Reservations.ContainsKey(orderId) ? [] : [new StockReserved(item.Id, orderId, quantity, by)];

    public static object[] Release(WarehouseItem item, Guid orderId, Origin by) =>
        item.Reservations.TryGetValue(orderId, out var held) ? [new ReservationReleased(item.Id, orderId, held, by)] : [];

    public static object[] Sell(WarehouseItem item, Guid orderId, Origin by)
    {
        if (!item.Reservations.TryGetValue(orderId, out var held)) return [];
        var sold = Math.Min(held, item.Quantity);
        return [new StockSold(item.Id, orderId, sold, held - sold, by)];
    }

    private static void Positive(int quantity)
    {
        if (quantity <= 0 || quantity > MaxQuantity) throw new DomainException($"A quantity is between 1 and {MaxQuantity}.");
    }
}
