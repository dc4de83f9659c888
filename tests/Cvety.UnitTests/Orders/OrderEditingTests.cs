using Cvety.Domain.Common;
using Cvety.Domain.Inventory;
using Cvety.Domain.Orders;

namespace Cvety.UnitTests.Orders;

public sealed class OrderEditingTests
{
    private static readonly Origin Staff = new(Sources.Admin, "user-1", "MANAGER");

    private static Order Placed(string payment = "cash")
    {
        var placed = OrderDecisions.Place(Guid.NewGuid(), 8, "#00001", "123456789", new Customer("Айгуль", "+77010000001", null, null), new Recipient("Анара", null),
            new Delivery(DeliveryType.Delivery, "пр. Достык, 1", null, null, null), null,
            [new OrderLine(1, "Букет", new Money(750_000), 2, null), new OrderLine(2, "Розы", new Money(1_000_000), 1, null)], new Money(150_000), PaymentMethod.Choose(payment, PaymentMethod.Cash),
            Sources.Web, new ExternalIds(), null, null, Staff);
        return Order.Create(placed);
    }

    [Fact]
    public void an_edit_records_only_the_fields_that_changed()
    {
        var order = Placed();
        var events = OrderDecisions.EditByStaff(order, order.Customer with { Name = "Айгуль Б." }, order.Recipient, order.Delivery, null, PaymentMethod.Cash, null, null, Staff);
        events.Should().ContainSingle().Which.Should().BeOfType<CustomerChanged>();
    }

    [Fact]
    public void a_lower_delivery_cost_on_a_paid_order_offers_the_difference_back()
    {
        var order = Placed();
        order.Apply(new OrderPaid(order.Id, order.Total, null, null, Staff));
        var events = OrderDecisions.EditByStaff(order, order.Customer, order.Recipient, order.Delivery, null, PaymentMethod.Cash, Money.Zero, "самовывоз", Staff);
        events.OfType<DeliveryCostChanged>().Single().Total.Should().Be(new Money(2_500_000));
        events.OfType<RefundOffered>().Single().Amount.Should().Be(new Money(150_000));
    }

    [Fact]
    public void lines_change_only_before_assembly_and_an_order_keeps_one()
    {
        var order = Placed();
        OrderDecisions.AddLine(order, new OrderLine(3, "Открытка", new Money(50_000), 1, null), Staff).OfType<OrderLineAdded>().Single().Total.Should().Be(new Money(2_700_000));
        var removed = OrderDecisions.RemoveLine(order, 2, Staff).OfType<OrderLineRemoved>().Single();
        removed.Total.Should().Be(new Money(1_650_000));
        order.Apply(removed);
        FluentActions.Invoking(() => OrderDecisions.RemoveLine(order, 1, Staff)).Should().Throw<DomainException>().WithMessage("*at least one line*");
        order.Status = OrderStatus.Assembled;
        FluentActions.Invoking(() => OrderDecisions.AddLine(order, new OrderLine(3, "Открытка", new Money(50_000), 1, null), Staff)).Should().Throw<DomainException>();
    }

    [Fact]
    public void a_kaspi_payment_beyond_what_is_owed_pays_the_order_and_returns_the_rest()
    {
        var order = Placed("kaspi");
        order.Apply(new KaspiPaymentCreated(order.Id, "p1", new Money(3_000_000), "Wait", Staff));
        var (events, _) = PaymentDecisions.ReportKaspiStatus(order, "p1", "Processed", Guid.NewGuid(), Staff);
        events.OfType<OrderPaid>().Single().Amount.Should().Be(new Money(2_650_000));
        events.OfType<RefundRequested>().Single().Amount.Should().Be(new Money(350_000));
    }

    [Fact]
    public void a_stock_take_count_is_reconciled_with_what_moved_since_and_never_goes_below_zero()
    {
        var item = WarehouseItem.Create(new WarehouseItemAdded(Guid.NewGuid(), 8, "Роза", Money.Zero, Money.Zero, 0, null, Staff));
        WarehouseItem.Evolve(item, new StockDelivered(item.Id, 105, null, null, Staff));
        var counted = InventoryDecisions.CountForStockTake(item, expectedThen: 100, counted: 90, Guid.NewGuid(), Staff).OfType<StockCounted>().Single();
        (counted.Counted, counted.Difference).Should().Be((95, -10));
        InventoryDecisions.CountForStockTake(item, expectedThen: 200, counted: 0, Guid.NewGuid(), Staff).OfType<StockCounted>().Single().Counted.Should().Be(0);
        InventoryDecisions.CountForStockTake(item, expectedThen: 100, counted: 100, Guid.NewGuid(), Staff).Should().BeEmpty();
    }
}
