using Cvety.Domain.Common;
using Cvety.Domain.Inventory;

namespace Cvety.UnitTests.Inventory;

/// <summary>The stock decisions as functions: an item's state in, the events out, folded back to check the result.</summary>
public sealed class when_stock_moves
{
    private static readonly Origin Florist = new(Sources.Admin, "user-3", "FLORIST");
    private static readonly Origin System = Origin.System("stock");

    private static WarehouseItem Item(params object[] after)
    {
        var item = WarehouseItem.Create(new WarehouseItemAdded(Guid.NewGuid(), 17008, "Роза Эквадор", new Money(30_000), new Money(80_000), 5, null, Florist));
        return Fold(item, after.Select(e => e is Func<Guid, object> f ? f(item.Id) : e));
    }

    private static WarehouseItem Fold(WarehouseItem item, IEnumerable<object> events) => events.Aggregate(item, WarehouseItem.Evolve);

    private static Func<Guid, object> Delivered(int quantity) => id => new StockDelivered(id, quantity, null, null, Florist);

    [Fact]
    public void a_delivery_adds_to_the_quantity_and_a_write_off_needs_that_much_on_hand()
    {
        var item = Item(Delivered(10));
        item = Fold(item, InventoryDecisions.WriteOff(item, 3, "Завяли", Florist));
        item.Quantity.Should().Be(7);
        item.Available.Should().Be(7);
        FluentActions.Invoking(() => InventoryDecisions.WriteOff(item, 8, "Завяли", Florist)).Should().Throw<DomainException>();
    }

    [Fact]
    public void a_reservation_is_taken_once_per_order_and_a_sale_takes_what_is_held()
    {
        var order = Guid.NewGuid();
        var item = Item(Delivered(4));
        item = Fold(item, InventoryDecisions.Reserve(item, order, 3, System));
        InventoryDecisions.Reserve(item, order, 3, System).Should().BeEmpty("a repeated reservation message changes nothing");
        item.Available.Should().Be(1);
        FluentActions.Invoking(() => InventoryDecisions.SellOverCounter(item, 2, null, null, Florist)).Should().Throw<DomainException>("only one is free");

        item = Fold(item, InventoryDecisions.Sell(item, order, System));
        item.Quantity.Should().Be(1);
        item.Reserved.Should().Be(0);
        InventoryDecisions.Sell(item, order, System).Should().BeEmpty("a sale is made once");
    }

    [Fact]
    public void a_stock_take_applies_its_difference_to_the_quantity_now_never_below_zero()
    {
        var item = Item(Delivered(10));
        var take = Guid.NewGuid();
        // Counted 8 where the books said 10; meanwhile 5 more arrived: 13 now.
        item = Fold(item, [new StockDelivered(item.Id, 5, null, null, Florist)]);
        var counted = InventoryDecisions.CountForStockTake(item, expectedThen: 10, counted: 8, take, Florist);
        counted.Should().ContainSingle().Which.Should().BeOfType<StockCounted>().Which.Should().Match<StockCounted>(c => c.Counted == 13 && c.Difference == -2 && c.StockTakeId == take);

        var emptied = Item(Delivered(1));
        var below = InventoryDecisions.CountForStockTake(emptied, expectedThen: 10, counted: 0, take, Florist);
        below.Should().ContainSingle().Which.Should().BeOfType<StockCounted>().Which.Counted.Should().Be(0);
    }

    [Fact]
    public void an_item_held_for_an_order_cannot_be_archived()
    {
        var item = Item(Delivered(2));
        item = Fold(item, InventoryDecisions.Reserve(item, Guid.NewGuid(), 1, System));
        FluentActions.Invoking(() => InventoryDecisions.Archive(item, "больше не закупаем", Florist)).Should().Throw<DomainException>();
        var free = Item(Delivered(2));
        InventoryDecisions.Archive(free, null, Florist).Should().ContainSingle().Which.Should().BeOfType<ItemArchived>();
        InventoryDecisions.Archive(Fold(free, InventoryDecisions.Archive(free, null, Florist)), null, Florist).Should().BeEmpty();
    }
}
