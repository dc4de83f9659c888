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

/// <summary>What events set going, decided in one place (Reactions), as a function of the events and the state they were decided on.</summary>
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

    [Fact]
    public void a_new_order_reserves_stock_asks_kaspi_goes_to_bitrix_and_tells_people()
    {
        var placed = Placed(payment: "kaspi");
        var messages = With().ToOrder(null, [placed], 1);
        messages.Select(m => m.GetType()).Should().BeEquivalentTo([typeof(ReserveStockForOrder), typeof(RequestKaspiPayment), typeof(CreateOrderInBitrix), typeof(OrderNotice)]);
        messages.OfType<OrderNotice>().Single().Version.Should().Be(1);
    }

    [Fact]
    public void an_order_that_came_from_bitrix_is_never_sent_back_to_bitrix()
    {
        var placed = Placed(by: FromBitrix);
        With().ToOrder(null, [placed], 1).Should().NotContain(m => m is CreateOrderInBitrix);
        var order = Order.Create(placed);
        With().ToOrder(order, [new OrderAccepted(order.Id, null, FromBitrix)], 2).Should().NotContain(m => m is ChangeStatusInBitrix);
    }

    [Fact]
    public void a_staff_status_change_in_the_bitrix_shop_goes_to_bitrix_once_however_many_steps()
    {
        var order = Order.Create(Placed());
        var messages = With().ToOrder(order, [new OrderAccepted(order.Id, null, Staff), new OrderAssembled(order.Id, null, null, Staff)], 2);
        messages.OfType<ChangeStatusInBitrix>().Should().ContainSingle();
        messages.OfType<SellStockForOrder>().Should().ContainSingle();
        messages.OfType<OrderNotice>().Select(n => n.Version).Should().Equal(2, 3);
    }

    [Fact]
    public void another_shop_or_an_unconfigured_bitrix_hears_nothing()
    {
        var other = Order.Create(Placed(shop: 8));
        With().ToOrder(other, [new OrderAccepted(other.Id, null, Staff)], 2).Should().NotContain(m => m is ChangeStatusInBitrix);
        var order = Order.Create(Placed());
        With(bitrix: false).ToOrder(order, [new OrderAccepted(order.Id, null, Staff)], 2).Should().NotContain(m => m is ChangeStatusInBitrix);
    }

    [Fact]
    public void a_cancelled_order_releases_its_stock_and_refunds_a_kaspi_payment_under_one_id()
    {
        var order = Order.Create(Placed(payment: "kaspi"));
        order.Apply(new KaspiPaymentCreated(order.Id, "12800627774", new Money(750_000), "Wait", Staff));
        var messages = With().ToOrder(order, [new OrderCancelled(order.Id, "дубль", Staff)], 3);
        messages.OfType<ReleaseStockForOrder>().Should().ContainSingle();
        messages.OfType<RefundCancelledOrder>().Single().RefundId.Should().Be(RefundCancelledOrder.IdFor(order.Id));
    }

    [Fact]
    public void without_telegram_nobody_is_told()
    {
        var order = Order.Create(Placed());
        With(telegram: false).ToOrder(order, [new OrderAccepted(order.Id, null, Staff)], 2).Should().NotContain(m => m is OrderNotice);
    }

    [Fact]
    public void a_staff_edit_of_a_bitrix_product_goes_to_bitrix_and_one_from_bitrix_does_not()
    {
        var info = new ProductInfo("Букет", new Money(750_000), "flowers");
        With().ToProduct(5, BitrixShop, 697695, [new ProductUpdated(5, info, ["Name"], Staff)])
            .Select(m => m.GetType()).Should().BeEquivalentTo([typeof(RefreshProductVector), typeof(UpdateProductInBitrix)]);
        With().ToProduct(5, BitrixShop, 697695, [new ProductUpdated(5, info, ["Name"], FromBitrix)]).Should().NotContain(m => m is UpdateProductInBitrix);
        With().ToProduct(5, BitrixShop, null, [new ProductUpdated(5, info, ["Name"], Staff)]).Should().NotContain(m => m is UpdateProductInBitrix);
    }
}

/// <summary>
/// A handler that appends through a stream helper gets back what the events set going and must return it: one that
/// returned nothing (or only its answer) would compile and lose its reactions. Wolverine cascades what a handler returns.
/// </summary>
public sealed class when_a_handler_is_given_reactions
{
    private static readonly Type[] Handlers = typeof(Reactions).Assembly.GetTypes()
        .Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal) || t.GetMethods().Any(m => m.Name.StartsWith("Handle", StringComparison.Ordinal)))
        .ToArray();

    public static TheoryData<string> HandlersTakingReactions()
    {
        var data = new TheoryData<string>();
        foreach (var method in Handlers.SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
                     .Where(m => m.Name.StartsWith("Handle", StringComparison.Ordinal) && m.GetParameters().Any(p => p.ParameterType == typeof(Reactions))))
            data.Add($"{method.DeclaringType!.FullName}.{method.Name}({method.GetParameters()[0].ParameterType.Name})");
        return data;
    }

    [Fact]
    public void there_are_such_handlers() => HandlersTakingReactions().Should().HaveCountGreaterThan(30);

    [Theory]
    [MemberData(nameof(HandlersTakingReactions))]
    public void it_returns_outgoing_messages(string handler)
    {
        var method = Handlers.SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Single(m => $"{m.DeclaringType!.FullName}.{m.Name}({m.GetParameters().FirstOrDefault()?.ParameterType.Name})" == handler);
        var returned = method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() is var g
            && (g == typeof(Task<>) || g == typeof(ValueTask<>)) ? method.ReturnType.GetGenericArguments()[0] : method.ReturnType;
        var parts = returned.IsGenericType && returned.FullName!.StartsWith("System.ValueTuple", StringComparison.Ordinal) ? returned.GetGenericArguments() : [returned];
        parts.Should().Contain(typeof(Wolverine.OutgoingMessages), $"{handler} is given Reactions, so it must return the messages its events set going");
    }
}
