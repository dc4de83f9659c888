using System.Net;
using System.Text.Json;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Orders;

public sealed class when_an_order_goes_through_its_life(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task totals_come_from_the_catalog_not_the_client()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var order = await world.PlaceAsync(Api);

        order.GetProperty("status").GetString().Should().Be("new");
        order.GetProperty("order_number").GetString().Should().Be("#00001");
        order.GetProperty("tracking_id").GetString().Should().MatchRegex("^[1-9][0-9]{8}$");
        order.GetProperty("customer_phone").GetString().Should().Be("+77010000001");
        var items = order.GetProperty("items").EnumerateArray().ToList();
        items[0].GetProperty("product_name").GetString().Should().Be("Букет Стандарт");
        items[0].GetProperty("product_price").GetInt64().Should().Be(750_000);
        items[0].GetProperty("item_total").GetInt64().Should().Be(1_500_000);
        items[1].GetProperty("special_requests").GetString().Should().Be("без упаковки");
        order.GetProperty("subtotal").GetInt64().Should().Be(3_282_000);
        order.GetProperty("delivery_cost").GetInt64().Should().Be(150_000);
        order.GetProperty("total").GetInt64().Should().Be(3_432_000);
        order.GetProperty("postcard_text").GetString().Should().Be("С днём рождения!");
        order.GetProperty("version").GetInt64().Should().Be(1);

        var second = await world.PlaceAsync(Api);
        second.GetProperty("order_number").GetString().Should().Be("#00002");
    }

    [Fact]
    public async Task the_full_lifecycle_is_recorded_with_actor_and_source()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var id = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();

        (await Api.Client(world.Manager).Status(id, "paid", "оплата наличными")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.Client(world.Florist).Status(id, "accepted")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.Client(world.Florist).Status(id, "assembled")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.Client(world.Courier).Status(id, "in_delivery")).StatusCode.Should().Be(HttpStatusCode.OK);
        var delivered = await Api.Client(world.Courier).Status(id, "delivered");
        delivered.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await delivered.Json();
        body.GetProperty("status").GetString().Should().Be("delivered");
        body.GetProperty("is_paid").GetBoolean().Should().BeTrue();
        body.GetProperty("version").GetInt64().Should().Be(6);
        delivered.Headers.ETag!.Tag.Should().Be("\"6\"");

        var history = await (await Api.Client(world.Director).GetAsync($"/api/v1/orders/{id}/history")).Json();
        var statusRows = history.EnumerateArray().Where(r => r.GetProperty("field_name").GetString() == "status")
            .Select(r => (r.GetProperty("old_value").GetString(), r.GetProperty("new_value").GetString(), r.GetProperty("changed_by").GetString())).ToList();
        statusRows.Should().Equal(
            (null, "new", "admin"), ("new", "paid", "admin"), ("paid", "accepted", "admin"), ("accepted", "assembled", "admin"),
            ("assembled", "in_delivery", "admin"), ("in_delivery", "delivered", "admin"));
        history.EnumerateArray().Select(r => r.GetProperty("order_id").GetGuid()).Should().OnlyContain(o => o == id);

        var timeline = await (await Api.Client(world.Director).GetAsync($"/api/v1/orders/{id}/timeline")).Json();
        var events = timeline.EnumerateArray().ToList();
        events.Select(e => e.GetProperty("type").GetString()).Should().Equal(
            "order_placed", "order_paid", "order_accepted", "order_assembled", "order_out_for_delivery", "order_delivered");
        events.Select(e => e.GetProperty("version").GetInt64()).Should().Equal(1, 2, 3, 4, 5, 6);
        events.Should().OnlyContain(e => e.GetProperty("source").GetString() == "admin" && e.GetProperty("actor").GetString()!.Length > 0);
        events[2].GetProperty("role").GetString().Should().Be("FLORIST");
        events[4].GetProperty("role").GetString().Should().Be("COURIER");
        events[1].GetProperty("reason").GetString().Should().Be("оплата наличными");
        events.Select(e => e.GetProperty("sequence").GetInt64()).Should().BeInAscendingOrder().And.OnlyContain(s => s > 0);
        events.Select(e => e.GetProperty("data").GetProperty("order_id").GetGuid()).Should().OnlyContain(o => o == id);
    }

    [Fact]
    public async Task a_forbidden_move_is_409_and_adds_nothing()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var id = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        var manager = Api.Client(world.Manager);
        foreach (var s in new[] { "accepted", "assembled", "in_delivery", "delivered" })
            (await manager.Status(id, s)).EnsureSuccessStatusCode();

        var back = await manager.Status(id, "accepted");
        back.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await back.Json();
        problem.GetProperty("current_status").GetString().Should().Be("delivered");
        problem.GetProperty("requested_status").GetString().Should().Be("accepted");

        var cancel = await manager.PostJson($"/api/v1/orders/{id}/cancel", new { reason = "передумали" });
        cancel.StatusCode.Should().Be(HttpStatusCode.Conflict);

        var timeline = await (await Api.Client(world.Director).GetAsync($"/api/v1/orders/{id}/timeline")).Json();
        timeline.GetArrayLength().Should().Be(5);
    }

    [Fact]
    public async Task skipping_a_step_is_409_and_the_wrong_role_is_403()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var id = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        (await Api.Client(world.Manager).Status(id, "delivered")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Api.Client(world.Courier).Status(id, "accepted")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Api.Client(world.Florist).Status(id, "paid")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Api.Client(world.Florist).PostJson($"/api/v1/orders/{id}/cancel", new { reason = "нет цветов" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Api.Client(world.Manager).Status(id, "shipped")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task cancelling_before_delivery_records_the_reason()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var id = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        var cancel = await Api.Client(world.Manager).PostJson($"/api/v1/orders/{id}/cancel", new { reason = "Клиент отказался" });
        cancel.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await cancel.Json();
        body.GetProperty("status").GetString().Should().Be("cancelled");
        body.GetProperty("cancel_reason").GetString().Should().Be("Клиент отказался");
        (await Api.Client(world.Manager).PostJson($"/api/v1/orders/{id}/cancel", new { reason = "" })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Api.Client(world.Manager).Status(id, "accepted")).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task a_stale_if_match_is_412_and_changes_nothing()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var id = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        var read = await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{id}");
        var etag = read.Headers.ETag!.Tag;
        etag.Should().Be("\"1\"");

        (await Api.Client(world.Manager).Status(id, "accepted", ifMatch: etag)).StatusCode.Should().Be(HttpStatusCode.OK);
        var stale = await Api.Client(world.Florist).Status(id, "assembled", ifMatch: etag);
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);

        var after = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{id}")).Json();
        after.GetProperty("status").GetString().Should().Be("accepted");
        after.GetProperty("version").GetInt64().Should().Be(2);
        (await Api.Client(world.Manager).Status(id, "assembled", ifMatch: "garbage")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task concurrent_writers_never_lose_an_update_or_break_the_lifecycle()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var id = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        // Ten people press "accepted" at once: exactly one wins, the others are told it is no longer allowed.
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Api.Client(world.Manager).Status(id, "accepted")));
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        responses.Where(r => r.StatusCode != HttpStatusCode.OK).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Conflict);

        // Ten notes at once: all ten are kept.
        var notes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Api.Client(world.Manager).PostJson($"/api/v1/orders/{id}/notes", new { text = "заметка " + i })));
        var order = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{id}")).Json();
        var kept = order.GetProperty("staff_notes").GetArrayLength();
        kept.Should().Be(notes.Count(n => n.StatusCode == HttpStatusCode.OK));
        notes.Where(n => n.StatusCode != HttpStatusCode.OK).Should().OnlyContain(n => n.StatusCode == HttpStatusCode.Conflict);
        order.GetProperty("version").GetInt64().Should().Be(2 + kept);
    }

    [Fact]
    public async Task as_of_version_and_as_of_time_show_the_earlier_order()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var id = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        await Api.Client(world.Manager).Status(id, "accepted");
        var acceptedAt = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await Api.Client(world.Florist).Status(id, "assembled");

        var v1 = await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{id}?as_of_version=1");
        v1.StatusCode.Should().Be(HttpStatusCode.OK);
        (await v1.Json()).GetProperty("status").GetString().Should().Be("new");
        var atTime = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{id}?as_of={Uri.EscapeDataString(acceptedAt.ToString("O"))}")).Json();
        atTime.GetProperty("status").GetString().Should().Be("accepted");
        (await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{id}")).Json()).GetProperty("status").GetString().Should().Be("assembled");
        (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{id}?as_of_version=abc")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
