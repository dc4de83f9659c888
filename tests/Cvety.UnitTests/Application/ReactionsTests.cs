using Cvety.Application;
using Cvety.Application.Bitrix;
using Cvety.Application.Inventory;
using Cvety.Application.Notifications;
using Cvety.Application.Payments;
using Cvety.Application.Search;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using Cvety.Domain.Products;

namespace Cvety.UnitTests.Application;

/// <summary>What events set going, decided in one place (Reactions), as a function of the events and the shop they belong to.</summary>
public sealed class ReactionsTests
{
    private const int BitrixShop = 17008;
    private static readonly Origin Staff = new(Sources.Admin, "user-1", "MANAGER");
    private static readonly Origin FromBitrix = new(Sources.Bitrix, "bitrix-user:15");

    private static Reactions With(bool bitrix = true, bool telegram = true) => new(
        new BitrixOptions { BaseUrl = bitrix ? "http://bitrix.test" : null, ApiToken = bitrix ? "token" : null, ShopId = BitrixShop },
        new TelegramOptions { BotToken = telegram ? "1:abc" : null });

    private static OrderPlaced Placed(int shop = BitrixShop, string payment = "cash", Origin? by = null) => OrderDecisions.Place(
        Guid.NewGuid(), shop, "#00001", "123456789", new Customer("Айгуль", "+77010000001", null, null), new Recipient(null, null),
        new Delivery(DeliveryType.Delivery, "пр. Достык, 1", null, null, null), null, [new OrderLine(1, "Букет", new Money(750_000), 1, null)],
        Money.Zero, PaymentMethod.Choose(payment, PaymentMethod.Cash), Sources.Web, new ExternalIds(), null, null, by ?? Staff);

    private static (object, long)[] At(long firstVersion, params object[] events) => [.. events.Select((e, i) => (e, firstVersion + i))];

    [Fact]
    public void a_new_order_reserves_stock_asks_kaspi_goes_to_bitrix_and_tells_people()
    {
        var placed = Placed(payment: "kaspi");
        var messages = With().ToOrder(BitrixShop, At(1, placed));
        messages.Select(m => m.GetType()).Should().BeEquivalentTo([typeof(ReserveStockForOrder), typeof(RequestKaspiPayment), typeof(CreateOrderInBitrix), typeof(OrderNotice)]);
        messages.OfType<OrderNotice>().Single().Version.Should().Be(1);
    }

    [Fact]
    public void an_order_that_came_from_bitrix_is_never_sent_back_to_bitrix()
    {
        var placed = Placed(by: FromBitrix);
        With().ToOrder(BitrixShop, At(1, placed)).Should().NotContain(m => m is CreateOrderInBitrix);
        With().ToOrder(BitrixShop, At(2, new OrderAccepted(placed.OrderId, null, FromBitrix))).Should().NotContain(m => m is ChangeStatusInBitrix);
    }

    [Fact]
    public void a_staff_status_change_in_the_bitrix_shop_goes_to_bitrix_once_however_many_steps()
    {
        var placed = Placed();
        var messages = With().ToOrder(BitrixShop, At(2, new OrderAccepted(placed.OrderId, null, Staff), new OrderAssembled(placed.OrderId, null, null, Staff)));
        messages.OfType<ChangeStatusInBitrix>().Should().ContainSingle();
        messages.OfType<SellStockForOrder>().Should().ContainSingle();
        messages.OfType<OrderNotice>().Select(n => n.Version).Should().Equal(2, 3);
    }

    [Fact]
    public void another_shop_or_an_unconfigured_bitrix_hears_nothing()
    {
        var other = Placed(shop: 8);
        With().ToOrder(8, At(2, new OrderAccepted(other.OrderId, null, Staff))).Should().NotContain(m => m is ChangeStatusInBitrix);
        var placed = Placed();
        With(bitrix: false).ToOrder(BitrixShop, At(2, new OrderAccepted(placed.OrderId, null, Staff))).Should().NotContain(m => m is ChangeStatusInBitrix);
    }

    [Fact]
    public void a_cancelled_order_releases_its_stock_and_asks_for_its_refund_under_one_id()
    {
        var placed = Placed(payment: "kaspi");
        var messages = With().ToOrder(BitrixShop, At(3, new OrderCancelled(placed.OrderId, "дубль", Staff)));
        messages.OfType<ReleaseStockForOrder>().Should().ContainSingle();
        messages.OfType<RefundCancelledOrder>().Single().RefundId.Should().Be(RefundCancelledOrder.IdFor(placed.OrderId));
    }

    [Fact]
    public void a_grown_total_asks_for_the_remainder_once_per_decision()
    {
        var placed = Placed(payment: "kaspi");
        var line = new OrderLine(2, "Открытка", new Money(50_000), 1, null);
        var grown = placed.Total + line.ItemTotal;
        var messages = With().ToOrder(BitrixShop, At(4, new OrderLineAdded(placed.OrderId, line, grown, Staff),
            new DeliveryCostChanged(placed.OrderId, new Money(100_000), grown + new Money(100_000), null, Staff)));
        messages.OfType<RequestRemainderPayment>().Should().ContainSingle();
        messages.OfType<ReconcileStockForOrder>().Should().ContainSingle();
    }

    [Fact]
    public void history_imported_from_the_legacy_backend_sets_nothing_going()
    {
        var placed = Placed(payment: "kaspi", by: Origin.Legacy("manager:3"));
        With().ToOrder(BitrixShop, At(1, placed, new OrderAccepted(placed.OrderId, null, Origin.Legacy("manager:3")))).Should().BeEmpty();
        var info = new ProductInfo("Букет", new Money(750_000), "flowers");
        With().ToProduct(5, BitrixShop, [new ProductUpdated(5, info, ["Name"], Origin.Legacy())]).Should().BeEmpty();
    }

    [Fact]
    public void a_stream_is_read_by_what_its_events_are_about()
    {
        var placed = Placed();
        With().ToStream(BitrixShop, At(1, placed)).Should().Contain(m => m is ReserveStockForOrder);
        var info = new ProductInfo("Букет", new Money(750_000), "flowers");
        With().ToStream(BitrixShop, At(2, new ProductUpdated(5, info, ["Name"], Staff))).Should().Contain(m => m is RefreshProductVector);
        With().ToStream(BitrixShop, At(1, new object())).Should().BeEmpty();
    }

    [Fact]
    public void a_staff_edit_of_a_product_in_the_bitrix_shop_goes_to_bitrix_and_one_from_bitrix_does_not()
    {
        var info = new ProductInfo("Букет", new Money(750_000), "flowers");
        With().ToProduct(5, BitrixShop, [new ProductUpdated(5, info, ["Name"], Staff)])
            .Select(m => m.GetType()).Should().BeEquivalentTo([typeof(RefreshProductVector), typeof(UpdateProductInBitrix)]);
        With().ToProduct(5, BitrixShop, [new ProductUpdated(5, info, ["Name"], FromBitrix)]).Should().NotContain(m => m is UpdateProductInBitrix);
        With().ToProduct(5, 8, [new ProductUpdated(5, info, ["Name"], Staff)]).Should().NotContain(m => m is UpdateProductInBitrix);
    }
}

/// <summary>
/// Reactions are derived from the committed events as Marten commits a session (RaiseReactionsOnCommit), never by a
/// handler: one that was handed Reactions could forget to return what they set going.
/// </summary>
public sealed class when_handlers_decide
{
    [Fact]
    public void no_handler_is_handed_reactions()
    {
        var handlers = typeof(Reactions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(m => m.Name.StartsWith("Handle", StringComparison.Ordinal) && m.GetParameters().Any(p => p.ParameterType == typeof(Reactions)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");
        handlers.Should().BeEmpty();
    }
}
