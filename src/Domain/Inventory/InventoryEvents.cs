using Cvety.Domain.Common;

namespace Cvety.Domain.Inventory;

// Stock movements of one warehouse item (roses, ribbon, boxes ...). Every change of quantity is one of these.

public interface IInventoryEvent
{
    Guid ItemId { get; }
    Origin By { get; }
}

public sealed record WarehouseItemAdded(Guid ItemId, int ShopId, string Name, Money CostPrice, Money RetailPrice, int MinQuantity, string? Image, Origin By) : IInventoryEvent;

/// <summary>A delivery from a supplier (+).</summary>
public sealed record StockDelivered(Guid ItemId, int Quantity, Money? CostPrice, string? Comment, Origin By) : IInventoryEvent;

/// <summary>Wilted, broken, lost (−).</summary>
public sealed record StockWrittenOff(Guid ItemId, int Quantity, string Reason, Origin By) : IInventoryEvent;

/// <summary>An inventory count found <paramref name="Counted"/>; the difference to the books is the correction.</summary>
/// <summary>A count set the quantity on hand; from a stock-take, <paramref name="StockTakeId"/> names it.</summary>
public sealed record StockCounted(Guid ItemId, int Counted, int Difference, Origin By, Guid? StockTakeId = null) : IInventoryEvent;

public sealed record ItemRenamed(Guid ItemId, string Name, Origin By) : IInventoryEvent;

/// <summary>Sold over the counter (not through an order), at a price when one is given.</summary>
public sealed record StockSoldOverCounter(Guid ItemId, int Quantity, Money? Price, string? Comment, Origin By) : IInventoryEvent;

public sealed record ItemPhotoChanged(Guid ItemId, string? Image, Origin By) : IInventoryEvent;

/// <summary>The item is withdrawn (the legacy DELETE): out of the lists, still in history and in old compositions.</summary>
public sealed record ItemArchived(Guid ItemId, string? Reason, Origin By) : IInventoryEvent;

public sealed record ItemPriceChanged(Guid ItemId, Money CostPrice, Money RetailPrice, Origin By) : IInventoryEvent;

public sealed record MinQuantitySet(Guid ItemId, int MinQuantity, Origin By) : IInventoryEvent;

/// <summary>Held for an order that was placed; still on hand until the bouquet is assembled.</summary>
public sealed record StockReserved(Guid ItemId, Guid OrderId, int Quantity, Origin By) : IInventoryEvent;

/// <summary>The order was cancelled: what it held is free again.</summary>
public sealed record ReservationReleased(Guid ItemId, Guid OrderId, int Quantity, Origin By) : IInventoryEvent;

/// <summary>
/// The bouquet was assembled: the reservation became a sale (−). <paramref name="Shortfall"/> is what the order
/// needed beyond what was on hand (stock never goes below zero; the florist bought or substituted the rest).
/// </summary>
public sealed record StockSold(Guid ItemId, Guid OrderId, int Quantity, int Shortfall, Origin By) : IInventoryEvent;
