using Cvety.Application.Notifications;
using Cvety.Application.Payments;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;

namespace Cvety.UnitTests.Orders;

public sealed class when_kaspi_reports_and_staff_refund
{
    private static readonly Origin Kaspi = new(Sources.Kaspi, "kaspi");
    private static readonly Origin Staff = new(Sources.Admin, "user-1", "MANAGER");
    private static readonly Money Total = new(1_650_000);

    private static Order WithPayment(string status = "Wait")
    {
        var order = new Order { Id = Guid.NewGuid(), Status = OrderStatus.New, Total = Total, PaymentMethod = PaymentMethod.Kaspi };
        order.Apply(new KaspiPaymentCreated(order.Id, "P1", Total, status, Kaspi));
        return order;
    }

    private static void Fold(Order order, IEnumerable<object> events)
    {
        foreach (var e in events) ((dynamic)order).Apply((dynamic)e);
    }

    private static Order Paid()
    {
        var order = WithPayment();
        Fold(order, PaymentDecisions.ReportKaspiStatus(order, "P1", "Processed", Guid.NewGuid(), Kaspi).Events);
        return order;
    }

    [Fact]
    public void processed_makes_the_order_paid_once_however_often_it_is_reported()
    {
        var order = WithPayment();
        var (first, keepPolling) = PaymentDecisions.ReportKaspiStatus(order, "P1", "Processed", Guid.NewGuid(), Kaspi);
        first.Should().ContainSingle(e => e is OrderPaid).Which.Should().BeOfType<OrderPaid>().Which.Amount.Should().Be(Total);
        keepPolling.Should().BeFalse();
        Fold(order, first);

        PaymentDecisions.ReportKaspiStatus(order, "P1", "Processed", Guid.NewGuid(), Kaspi).Events.Should().BeEmpty();
        order.Status.Should().Be(OrderStatus.Paid);
        order.Paid.Should().Be(Total);
    }

    [Fact]
    public void the_same_waiting_status_again_is_no_event_and_polling_goes_on()
    {
        var (events, keepPolling) = PaymentDecisions.ReportKaspiStatus(WithPayment(), "P1", "Wait", Guid.NewGuid(), Kaspi);
        events.Should().BeEmpty();
        keepPolling.Should().BeTrue();
    }

    [Fact]
    public void an_unknown_status_is_recorded_and_polling_goes_on()
    {
        var (events, keepPolling) = PaymentDecisions.ReportKaspiStatus(WithPayment(), "P1", "BrandNewStatus", Guid.NewGuid(), Kaspi);
        events.Should().ContainSingle().Which.Should().BeOfType<KaspiPaymentStatusReported>();
        keepPolling.Should().BeTrue();
        KaspiStatuses.Classify("BrandNewStatus").Should().Be(KaspiOutcome.Unknown);
    }

    [Theory]
    [InlineData("Error")]
    [InlineData("RemotePaymentCanceled")]
    [InlineData("RemotePaymentRejected")]
    [InlineData("Expired")]
    public void a_failure_ends_polling_without_paying(string status)
    {
        var (events, keepPolling) = PaymentDecisions.ReportKaspiStatus(WithPayment(), "P1", status, Guid.NewGuid(), Kaspi);
        events.Should().NotContain(e => e is OrderPaid);
        keepPolling.Should().BeFalse();
    }

    [Fact]
    public void money_that_arrives_for_a_cancelled_order_goes_back_whole()
    {
        var order = WithPayment();
        order.Status = OrderStatus.Cancelled;
        var refundId = Guid.NewGuid();
        var events = PaymentDecisions.ReportKaspiStatus(order, "P1", "Processed", refundId, Kaspi).Events;
        events.Should().NotContain(e => e is OrderPaid);
        events.OfType<RefundRequested>().Should().ContainSingle().Which.Should().Match<RefundRequested>(r => r.Amount == Total && r.RefundId == refundId && r.PaymentId == "P1");
    }

    [Fact]
    public void a_late_answer_does_not_bring_an_ended_payment_back()
    {
        var order = Paid();
        PaymentDecisions.ReportKaspiStatus(order, "P1", "Wait", Guid.NewGuid(), Kaspi).Events.Should().BeEmpty();
    }

    [Fact]
    public void refunds_never_exceed_what_was_paid_minus_what_is_refunded_or_under_way()
    {
        var order = Paid();
        var first = PaymentDecisions.RequestRefund(order, Guid.NewGuid(), new Money(100_000), "Нет открытки", Staff);
        Fold(order, [first]);
        PaymentDecisions.Refundable(order).Should().Be(new Money(1_550_000));

        ((Action)(() => PaymentDecisions.RequestRefund(order, Guid.NewGuid(), new Money(1_550_001), "x", Staff))).Should().Throw<DomainException>();
        PaymentDecisions.RequestRefund(order, Guid.NewGuid(), null, "rest", Staff).Amount.Should().Be(new Money(1_550_000));

        Fold(order, PaymentDecisions.CompleteRefund(order, first.RefundId, "R1", Kaspi));
        order.Refunded.Should().Be(new Money(100_000));
        PaymentDecisions.CompleteRefund(order, first.RefundId, "R1", Kaspi).Should().BeEmpty("a refund completes once");
    }

    [Fact]
    public void nothing_paid_means_nothing_to_refund() =>
        ((Action)(() => PaymentDecisions.RequestRefund(WithPayment(), Guid.NewGuid(), new Money(1), "x", Staff))).Should().Throw<DomainException>();

    [Fact]
    public void a_failed_refund_releases_its_amount()
    {
        var order = Paid();
        var refund = PaymentDecisions.RequestRefund(order, Guid.NewGuid(), null, "x", Staff);
        Fold(order, [refund]);
        Fold(order, PaymentDecisions.FailRefund(order, refund.RefundId, "-99000005", Kaspi));
        PaymentDecisions.Refundable(order).Should().Be(Total);
    }

    [Fact]
    public void cancelling_refunds_what_is_left_once_per_cancellation()
    {
        var order = Paid();
        order.Status = OrderStatus.Cancelled;
        var id = Guid.NewGuid();
        var events = PaymentDecisions.RefundAfterCancel(order, id, Staff);
        events.Should().ContainSingle().Which.Should().BeOfType<RefundRequested>().Which.Amount.Should().Be(Total);
        Fold(order, events);
        PaymentDecisions.RefundAfterCancel(order, id, Staff).Should().BeEmpty();
    }
}

public sealed class when_kaspi_is_polled
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void every_15_seconds_for_ten_minutes_then_every_3_minutes_up_to_a_day()
    {
        var options = new KaspiOptions();
        options.NextPoll(Start, Start.AddMinutes(1)).Should().Be(TimeSpan.FromSeconds(15));
        options.NextPoll(Start, Start.AddMinutes(11)).Should().Be(TimeSpan.FromMinutes(3));
        options.NextPoll(Start, Start.AddHours(24)).Should().BeNull();
    }

    [Fact]
    public void a_configured_interval_replaces_the_schedule_but_not_the_day() =>
        new KaspiOptions { PollInterval = TimeSpan.FromSeconds(1) }.NextPoll(Start, Start.AddMinutes(30)).Should().Be(TimeSpan.FromSeconds(1));

    [Fact]
    public void a_shop_uses_its_own_trade_point_or_the_defaults()
    {
        var options = new KaspiOptions { BaseUrl = "https://cvety.kz", Token = "t", Shops = { ["31"] = new KaspiShopOptions { OrganizationBin = "1", Token = "own" } } };
        options.For(31).Should().Be(new KaspiShop("https://cvety.kz", "own", "1", null));
        options.For(8).Should().Be(new KaspiShop("https://cvety.kz", "t", null, null));
        new KaspiOptions().For(8).Should().BeNull();
    }
}

public sealed class when_people_are_told_in_telegram
{
    [Theory]
    [InlineData(1_500_000, "15 000 ₸")]
    [InlineData(150_050, "1 500,5 ₸")]
    [InlineData(99, "0,99 ₸")]
    public void money_reads_as_tenge(long tiyn, string text) => TelegramTexts.Money(new Money(tiyn)).Should().Be(text);

    [Fact]
    public void what_comes_from_an_order_is_escaped()
    {
        var order = new Cvety.Application.Orders.OrderDetails { OrderNumber = "00001", CancelReason = "<b>злой</b> & клиент", CustomerPhone = "+77015211545" };
        TelegramTexts.StatusChangedForStaff(order, OrderStatus.New, OrderStatus.Cancelled).Should()
            .Contain("&lt;b&gt;злой&lt;/b&gt; &amp; клиент").And.Contain("Новый → Отменён").And.Contain("+770*****545");
    }
}
