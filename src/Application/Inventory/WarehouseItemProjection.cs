using Cvety.Domain.Inventory;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Cvety.Application.Inventory;

/// <summary>
/// Folds a warehouse item's movements into <see cref="WarehouseItem"/>, inline (the stock people read is the stock
/// just written). As with orders, the domain's own methods do the work; this class lets Marten's source generator see them.
/// </summary>
public sealed partial class WarehouseItemProjection : SingleStreamProjection<WarehouseItem, Guid>
{
    public WarehouseItem Create(IEvent<WarehouseItemAdded> e) => Versioned(WarehouseItem.Create(e.Data), e);

    public WarehouseItem Apply(IEvent<StockDelivered> e, WarehouseItem item) => Versioned(WarehouseItem.Evolve(item, e.Data), e);
    public WarehouseItem Apply(IEvent<StockWrittenOff> e, WarehouseItem item) => Versioned(WarehouseItem.Evolve(item, e.Data), e);
    public WarehouseItem Apply(IEvent<StockCounted> e, WarehouseItem item) => Versioned(WarehouseItem.Evolve(item, e.Data), e);
    public WarehouseItem Apply(IEvent<ItemPriceChanged> e, WarehouseItem item) => Versioned(WarehouseItem.Evolve(item, e.Data), e);
    public WarehouseItem Apply(IEvent<MinQuantitySet> e, WarehouseItem item) => Versioned(WarehouseItem.Evolve(item, e.Data), e);
    public WarehouseItem Apply(IEvent<StockReserved> e, WarehouseItem item) => Versioned(WarehouseItem.Evolve(item, e.Data), e);
    public WarehouseItem Apply(IEvent<ReservationReleased> e, WarehouseItem item) => Versioned(WarehouseItem.Evolve(item, e.Data), e);
    public WarehouseItem Apply(IEvent<StockSold> e, WarehouseItem item) => Versioned(WarehouseItem.Evolve(item, e.Data), e);
    public WarehouseItem Apply(IEvent<ItemRenamed> e, WarehouseItem item) => Versioned(WarehouseItem.Evolve(item, e.Data), e);
    public WarehouseItem Apply(IEvent<StockSoldOverCounter> e, WarehouseItem item) => Versioned(WarehouseItem.Evolve(item, e.Data), e);
    public WarehouseItem Apply(IEvent<ItemPhotoChanged> e, WarehouseItem item) => Versioned(WarehouseItem.Evolve(item, e.Data), e);
    public WarehouseItem Apply(IEvent<ItemArchived> e, WarehouseItem item) => Versioned(WarehouseItem.Evolve(item, e.Data), e);

    private static WarehouseItem Versioned(WarehouseItem item, IEvent e)
    {
        item.Version = e.Version;
        if (e.Data is StockDelivered) item.LastDeliveryDate = e.Timestamp;
        return item;
    }
}
