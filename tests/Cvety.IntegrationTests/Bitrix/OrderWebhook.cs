using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Bitrix;

public sealed class when_bitrix_sends_orders(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task the_sample_create_five_times_at_once_gives_one_complete_order()
    {
        var world = await BitrixWorld.CreateAsync(Api);
        var sample = BitrixWorld.Sample("bitrix-order-create.json");
        var responses = await Api.SettledAsync(() => Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Api.Client().PostJson("/webhooks/bitrix/order", sample))));
        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        var bodies = await Task.WhenAll(responses.Select(r => r.Json()));
        bodies.Should().OnlyContain(b => b.GetProperty("status").GetString() == "success");
        bodies.Select(b => b.GetProperty("order_id").GetGuid()).Distinct().Should().ContainSingle();

        var orders = await world.OrdersAsync(Api);
        orders.GetArrayLength().Should().Be(1);
        var order = orders[0];
        order.GetProperty("bitrix_order_id").GetInt64().Should().Be(122183);
        order.GetProperty("bitrix_account_number").GetString().Should().Be("122183");
        order.GetProperty("source").GetString().Should().Be("bitrix");
        order.GetProperty("recipient_name").GetString().Should().Be("Анара");
        order.GetProperty("recipient_phone").GetString().Should().Be("+77020000002");
        order.GetProperty("delivery_address").GetString().Should().Be("пр. Достык, 123, кв. 45");
        order.GetProperty("delivery_day").GetString().Should().Be("2025-08-25");
        order.GetProperty("time_slot_id").GetString().Should().Be("33");
        order.GetProperty("city_id").GetString().Should().Be("2");
        order.GetProperty("postcard_text").GetString().Should().Be("С днём рождения!");
        order.GetProperty("customer_name").GetString().Should().Be("Айгуль");
        order.GetProperty("customer_phone").GetString().Should().Be("+77010000001");
        var line = order.GetProperty("items")[0];
        (line.GetProperty("product_id").GetInt32(), line.GetProperty("product_name").GetString(), line.GetProperty("product_price").GetInt64(), line.GetProperty("quantity").GetInt32())
            .Should().Be((696613, "Букет Стандарт", 750_000L, 1));
        order.GetProperty("delivery_cost").GetInt64().Should().Be(150_000);
        order.GetProperty("total").GetInt64().Should().Be(900_000);
        order.GetProperty("status").GetString().Should().Be("new");

        // Nothing that came from Bitrix goes back to it (everything the deliveries set going has run by now).
        var orderId = order.GetProperty("id").GetString();
        Api.Bitrix.Calls.Where(c => c.Body?["railway_order_id"]?.ToString() == orderId || c.Body?["id"]?.ToString() == "122183").Should().BeEmpty();
    }

    [Fact]
    public async Task an_update_that_only_moves_the_address_changes_the_address_and_nothing_else()
    {
        var world = await BitrixWorld.CreateAsync(Api);
        var id = (await (await Api.Client().PostJson("/webhooks/bitrix/order", BitrixWorld.Sample("bitrix-order-create.json"))).Json()).GetProperty("order_id").GetGuid();

        var update = new JsonObject
        {
            ["event"] = "order.update",
            ["token"] = CvetyApi.BitrixWebhookSecret,
            ["data"] = new JsonObject
            {
                ["ID"] = "122183", ["STATUS_ID"] = "N", ["PRICE"] = "9000.0000", ["PAYED"] = "N", ["CANCELED"] = "N", ["VERSION"] = "3",
                ["properties"] = new JsonObject { ["addressRecipient"] = "ул. Сарайшык, 5" },
                ["webhook_timestamp"] = 1756012999,
            },
        };
        var response = await Api.Client().PostJson("/webhooks/bitrix/order", update);
        (await response.Json()).GetProperty("action").GetString().Should().Be("updated");

        var order = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{id}")).Json();
        order.GetProperty("delivery_address").GetString().Should().Be("ул. Сарайшык, 5");
        order.GetProperty("recipient_name").GetString().Should().Be("Анара");
        order.GetProperty("postcard_text").GetString().Should().Be("С днём рождения!");
        order.GetProperty("delivery_day").GetString().Should().Be("2025-08-25");
        order.GetProperty("items").GetArrayLength().Should().Be(1);

        // The same update again, only re-stamped by the sender, is a duplicate; a real second change is not.
        update["data"]!["webhook_timestamp"] = 1756013999;
        (await (await Api.Client().PostJson("/webhooks/bitrix/order", update)).Json()).GetProperty("action").GetString().Should().Be("updated");
        update["data"]!["properties"]!["addressRecipient"] = "ул. Сарайшык, 7";
        (await Api.Client().PostJson("/webhooks/bitrix/order", update)).EnsureSuccessStatusCode();
        var history = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{id}/history")).Json();
        history.EnumerateArray().Where(r => r.GetProperty("field_name").GetString() == "delivery_address")
            .Select(r => r.GetProperty("new_value").GetString()).Should().Equal("ул. Сарайшык, 5", "ул. Сарайшык, 7");
    }

    [Fact]
    public async Task a_status_for_an_unseen_order_waits_for_the_order()
    {
        var world = await BitrixWorld.CreateAsync(Api);
        var early = await (await Api.Client().PostJson("/webhooks/bitrix/order", BitrixWorld.Sample("bitrix-order-status-change.json"))).Json();
        early.GetProperty("status").GetString().Should().Be("success");
        early.GetProperty("action").GetString().Should().Be("pending");

        await Api.Client().PostJson("/webhooks/bitrix/order", BitrixWorld.Sample("bitrix-order-create.json"));
        var order = (await world.OrdersAsync(Api))[0];
        order.GetProperty("status").GetString().Should().Be("accepted");
    }

    [Fact]
    public async Task payment_and_status_changes_arrive_as_events_from_bitrix()
    {
        var world = await BitrixWorld.CreateAsync(Api);
        var id = (await (await Api.Client().PostJson("/webhooks/bitrix/order", BitrixWorld.Sample("bitrix-order-create.json"))).Json()).GetProperty("order_id").GetGuid();
        var paid = BitrixWorld.Sample("bitrix-order-create.json");
        paid["event"] = "order.update";
        paid["data"]!["PAYED"] = "Y";
        paid["data"]!["VERSION"] = "5";
        (await Api.Client().PostJson("/webhooks/bitrix/order", paid)).EnsureSuccessStatusCode();
        (await Api.Client().PostJson("/webhooks/bitrix/order", BitrixWorld.Sample("bitrix-order-status-change.json"))).EnsureSuccessStatusCode();

        var timeline = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{id}/timeline")).Json();
        timeline.EnumerateArray().Select(e => e.GetProperty("type").GetString()).Should().Equal("order_placed", "order_paid", "order_accepted");
        timeline.EnumerateArray().Should().OnlyContain(e => e.GetProperty("source").GetString() == "bitrix");
    }

    [Fact]
    public async Task bad_deliveries_are_clear_4xx_and_change_nothing()
    {
        var world = await BitrixWorld.CreateAsync(Api);
        var badToken = BitrixWorld.Sample("bitrix-order-create.json");
        badToken["token"] = "nope";
        (await Api.Client().PostJson("/webhooks/bitrix/order", badToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Api.Client().PostJson("/api/v1/webhooks/bitrix/order", new { @event = "order.create" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var badDate = BitrixWorld.Sample("bitrix-order-create.json");
        badDate["data"]!["properties"]!["data"] = "завтра";
        var response = await Api.Client().PostJson("/api/v1/webhooks/bitrix/order", badDate);
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Json()).GetProperty("errors").TryGetProperty("data.properties.data", out _).Should().BeTrue();

        var badPrice = BitrixWorld.Sample("bitrix-order-create.json");
        badPrice["data"]!["basket"]![0]!["PRICE"] = "дорого";
        (await Api.Client().PostJson("/webhooks/bitrix/order", badPrice)).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var noData = new JsonObject { ["event"] = "order.create", ["token"] = CvetyApi.BitrixWebhookSecret };
        (await Api.Client().PostJson("/webhooks/bitrix/order", noData)).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Api.Client().PostRaw("/webhooks/bitrix/order", "{\"event\": ")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        var unknown = await Api.Client().PostJson("/webhooks/bitrix/order", new { @event = "order.deleted", token = CvetyApi.BitrixWebhookSecret, data = new { } });
        (await unknown.Content.ReadAsStringAsync()).Should().Be("{\"status\":\"success\",\"action\":\"unknown_event\",\"event\":\"order.deleted\"}");

        (await world.OrdersAsync(Api)).GetArrayLength().Should().Be(0);
    }
}
