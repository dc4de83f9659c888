using System.Net;
using Cvety.Application.Payments;
using Cvety.IntegrationTests.Infrastructure;
using Cvety.KaspiSimulator;

namespace Cvety.IntegrationTests.Payments;

/// <summary>Kaspi Pay against the Kaspi simulator over real HTTP, polling on durable scheduled messages (1 s in tests).</summary>
public sealed class KaspiPayments(CvetyApi api) : ApiTest(api)
{
    private async Task<(PaymentsWorld World, Guid Order, string Payment)> PlaceKaspiOrderAsync()
    {
        var world = await PaymentsWorld.CreateAsync(Api);
        var order = await world.PlaceAsync(Api);
        (await Eventually.HoldsAsync(() => Task.FromResult(Api.Kaspi.Payments.Count == 1))).Should().BeTrue("the order asks Kaspi for a payment");
        var payment = Api.Kaspi.Payments.Single().Id;
        (await Eventually.HoldsAsync(async () => (await world.OrderAsync(Api, order)).GetProperty("kaspi_payment_id").GetString() == payment)).Should().BeTrue();
        return (world, order, payment);
    }

    private async Task PayAsync(PaymentsWorld world, Guid order, string payment)
    {
        Api.Kaspi.SetStatus(payment, "Processed");
        (await Eventually.HoldsAsync(async () => (await world.OrderAsync(Api, order)).GetProperty("is_paid").GetBoolean(), TimeSpan.FromSeconds(10)))
            .Should().BeTrue("one polling interval (1 s) after Kaspi says Processed");
    }

    [Fact]
    public async Task a_kaspi_order_asks_for_one_payment_and_becomes_paid_once_however_often_it_is_polled()
    {
        var (world, order, payment) = await PlaceKaspiOrderAsync();
        var create = Api.Kaspi.CallsTo("create").Should().ContainSingle().Subject;
        create.Query["amount"].Should().Be("16500", "Kaspi takes tenge: 1 650 000 tiyn");
        create.Query["phone"].Should().Be("77015211545");
        create.Query["organizationBin"].Should().Be("180340021791");

        (await Eventually.HoldsAsync(() => Task.FromResult(Api.Kaspi.CallsTo("status").Count >= 2), TimeSpan.FromSeconds(10))).Should().BeTrue("it is polled while waiting");
        (await world.OrderAsync(Api, order)).GetProperty("is_paid").GetBoolean().Should().BeFalse();

        await PayAsync(world, order, payment);
        var polls = Api.Kaspi.CallsTo("status").Count;
        (await Api.NothingPendingAsync(typeof(PollKaspiPayment))).Should().BeTrue("a processed payment is not polled any more");
        Api.Kaspi.CallsTo("status").Count.Should().Be(polls, "a processed payment is not polled any more");
        Api.Kaspi.CallsTo("create").Should().HaveCount(1);

        var details = await world.OrderAsync(Api, order);
        details.GetProperty("status").GetString().Should().Be("paid");
        details.GetProperty("paid_amount").GetInt64().Should().Be(PaymentsWorld.Total);
        details.GetProperty("kaspi_payment_status").GetString().Should().Be("Processed");
        var timeline = await world.TimelineAsync(Api, order);
        timeline.Count(e => e.GetProperty("type").GetString() == "order_paid").Should().Be(1);

        var history = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{order}/history")).Json();
        history.EnumerateArray().Should().Contain(r => r.GetProperty("field_name").GetString() == "status"
            && r.GetProperty("new_value").GetString() == "paid" && r.GetProperty("changed_by").GetString() == "kaspi");
    }

    [Theory]
    [InlineData(KaspiSimMode.Fail)]
    [InlineData(KaspiSimMode.Hang)]
    public async Task kaspi_down_when_the_payment_is_requested_is_retried_until_it_works_without_a_second_payment(KaspiSimMode down)
    {
        var world = await PaymentsWorld.CreateAsync(Api);
        Api.Kaspi.Mode = down;
        var order = await world.PlaceAsync(Api);
        // A hung call is given up after the 2 s timeout of the tests and recorded by the simulator once its caller leaves.
        (await Eventually.HoldsAsync(() => Task.FromResult(Api.Kaspi.CallsTo("create").Count >= 2), TimeSpan.FromSeconds(20))).Should().BeTrue("it keeps trying");
        Api.Kaspi.Payments.Should().BeEmpty();

        Api.Kaspi.Mode = KaspiSimMode.Ok;
        (await Eventually.HoldsAsync(() => Task.FromResult(Api.Kaspi.Payments.Count == 1), TimeSpan.FromSeconds(15))).Should().BeTrue();
        (await Api.NothingPendingAsync(typeof(RequestKaspiPayment))).Should().BeTrue("no request is left to try again");
        Api.Kaspi.Payments.Should().HaveCount(1);
        Api.Kaspi.CallsTo("create").Count(c => c.Status == 200).Should().Be(1);
        (await world.OrderAsync(Api, order)).GetProperty("kaspi_payment_id").GetString().Should().Be(Api.Kaspi.Payments.Single().Id);
    }

    [Fact]
    public async Task cancelling_a_paid_order_refunds_the_full_amount_once()
    {
        var (world, order, payment) = await PlaceKaspiOrderAsync();
        await PayAsync(world, order, payment);

        (await Api.Client(world.Manager).PostJson($"/api/v1/orders/{order}/cancel", new { reason = "Клиент передумал" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Eventually.HoldsAsync(async () => (await world.OrderAsync(Api, order)).GetProperty("refunded_amount").GetInt64() == PaymentsWorld.Total, TimeSpan.FromSeconds(15)))
            .Should().BeTrue();
        (await Api.NothingPendingAsync(typeof(RefundCancelledOrder), typeof(RefundKaspiPayment))).Should().BeTrue("no refund is left to send");
        var refund = Api.Kaspi.CallsTo("refund").Where(c => c.Query["externalId"] == payment).Should().ContainSingle().Subject;
        refund.Query["amount"].Should().Be("16500");
        refund.Query["externalId"].Should().Be(payment);
        var timeline = await world.TimelineAsync(Api, order);
        timeline.Count(e => e.GetProperty("type").GetString() == "refund_requested").Should().Be(1);
        timeline.Count(e => e.GetProperty("type").GetString() == "order_refunded").Should().Be(1);
    }

    [Fact]
    public async Task staff_refund_part_of_a_payment_but_never_more_than_what_is_left()
    {
        var (world, order, payment) = await PlaceKaspiOrderAsync();
        var staff = Api.Client(world.Manager);
        (await staff.PostJson($"/api/v1/orders/{order}/refunds", new { amount = 100_000, reason = "Нет открытки" })).StatusCode
            .Should().Be(HttpStatusCode.Conflict, "nothing has been paid yet");
        await PayAsync(world, order, payment);

        var partial = await staff.PostJson($"/api/v1/orders/{order}/refunds", new { amount = 100_000, reason = "Нет открытки" });
        partial.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await partial.Json()).GetProperty("amount").GetInt64().Should().Be(100_000);

        var tooMuch = await staff.PostJson($"/api/v1/orders/{order}/refunds", new { amount = PaymentsWorld.Total, reason = "Всё вернуть" });
        tooMuch.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await tooMuch.Json()).GetProperty("detail").GetString().Should().Contain("1550000");
        (await staff.PostJson($"/api/v1/orders/{order}/refunds", new { amount = -5, reason = "x" })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Api.Client(world.Florist).PostJson($"/api/v1/orders/{order}/refunds", new { amount = 100, reason = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Api.Client().PostJson($"/api/v1/orders/{order}/refunds", new { amount = 100, reason = "x" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Api.Client(world.OtherManager).PostJson($"/api/v1/orders/{order}/refunds", new { amount = 100, reason = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await Eventually.HoldsAsync(async () => (await world.OrderAsync(Api, order)).GetProperty("refunded_amount").GetInt64() == 100_000)).Should().BeTrue();
        Api.Kaspi.CallsTo("refund").Should().ContainSingle().Which.Query["amount"].Should().Be("1000");
        var remainder = await staff.PostJson($"/api/v1/orders/{order}/refunds", new { reason = "Остальное" });
        remainder.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await remainder.Json()).GetProperty("amount").GetInt64().Should().Be(PaymentsWorld.Total - 100_000);
        (await Eventually.HoldsAsync(async () => (await world.OrderAsync(Api, order)).GetProperty("refunded_amount").GetInt64() == PaymentsWorld.Total)).Should().BeTrue();
        Api.Kaspi.CallsTo("refund").Select(c => c.Query["amount"]).Should().Equal("1000", "15500");
    }

    [Fact]
    public async Task a_payment_that_completes_on_a_cancelled_order_is_refunded_and_staff_are_told()
    {
        var (world, order, payment) = await PlaceKaspiOrderAsync();
        (await Api.Client(world.Manager).PostJson($"/api/v1/orders/{order}/cancel", new { reason = "Нет цветов" })).StatusCode.Should().Be(HttpStatusCode.OK);
        Api.Kaspi.SetStatus(payment, "Processed");

        (await Eventually.HoldsAsync(async () => (await world.OrderAsync(Api, order)).GetProperty("refunded_amount").GetInt64() == PaymentsWorld.Total, TimeSpan.FromSeconds(15)))
            .Should().BeTrue("money that arrives for a cancelled order goes back");
        var details = await world.OrderAsync(Api, order);
        details.GetProperty("status").GetString().Should().Be("cancelled");
        details.GetProperty("is_paid").GetBoolean().Should().BeFalse();
        Api.Kaspi.CallsTo("refund").Where(c => c.Query["externalId"] == payment).Should().ContainSingle();
        var staffChat = CvetyApi.StaffChatOf(PaymentsWorld.Shop);
        (await Eventually.HoldsAsync(() => Task.FromResult(Api.Telegram.SentTo(staffChat).Any(m => m.Text.Contains("Возврат оформлен") && m.Text.Contains("после отмены")))))
            .Should().BeTrue();
    }

    [Fact]
    public async Task an_unknown_status_keeps_polling_and_a_rejection_stops_it_and_tells_staff()
    {
        var (world, order, payment) = await PlaceKaspiOrderAsync();
        Api.Kaspi.SetStatus(payment, "SomethingNew");
        var before = Api.Kaspi.CallsTo("status").Count;
        (await Eventually.HoldsAsync(() => Task.FromResult(Api.Kaspi.CallsTo("status").Count >= before + 3), TimeSpan.FromSeconds(10))).Should().BeTrue();
        (await world.OrderAsync(Api, order)).GetProperty("kaspi_payment_status").GetString().Should().Be("SomethingNew");

        Api.Kaspi.SetStatus(payment, "RemotePaymentRejected");
        var staffChat = CvetyApi.StaffChatOf(PaymentsWorld.Shop);
        (await Eventually.HoldsAsync(() => Task.FromResult(Api.Telegram.SentTo(staffChat).Any(m => m.Text.Contains("Оплата не прошла"))))).Should().BeTrue();
        var polls = Api.Kaspi.CallsTo("status").Count;
        (await Api.NothingPendingAsync(typeof(PollKaspiPayment))).Should().BeTrue("a rejected payment is not polled any more");
        Api.Kaspi.CallsTo("status").Count.Should().Be(polls);
        (await world.OrderAsync(Api, order)).GetProperty("is_paid").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task a_customer_gets_one_payment_link_for_their_order_and_paying_it_pays_the_order()
    {
        var world = await PaymentsWorld.CreateAsync(Api);
        var placed = await Api.Client().PostJson($"/api/v1/orders/public/create?shop_id={PaymentsWorld.Shop}", world.NewOrder("card"));
        placed.StatusCode.Should().Be(HttpStatusCode.Created);
        var tracking = (await placed.Json()).GetProperty("tracking_id").GetString();

        var first = await Api.Client().PostAsync($"/api/v1/orders/by-tracking/{tracking}/payment-link", null);
        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var link = await first.Json();
        link.GetProperty("payment_link").GetString().Should().StartWith("https://pay.kaspi.kz/pay/");
        link.GetProperty("amount").GetInt64().Should().Be(PaymentsWorld.Total);
        var again = await (await Api.Client().PostAsync($"/api/v1/orders/by-tracking/{tracking}/payment-link", null)).Json();
        again.GetProperty("payment_id").GetString().Should().Be(link.GetProperty("payment_id").GetString());
        Api.Kaspi.CallsTo("create-link").Should().ContainSingle();
        Api.Kaspi.CallsTo("create").Should().BeEmpty("a card order asks for no remote payment");

        Api.Kaspi.SetStatus(link.GetProperty("payment_id").GetString()!, "Processed");
        (await Eventually.HoldsAsync(async () =>
            (await (await Api.Client().GetAsync($"/api/v1/orders/by-tracking/{tracking}/status")).Json()).GetProperty("is_paid").GetBoolean(), TimeSpan.FromSeconds(10))).Should().BeTrue();
        (await Api.Client().PostAsync("/api/v1/orders/by-tracking/000000000/payment-link", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
