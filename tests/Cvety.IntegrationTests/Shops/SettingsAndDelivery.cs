using System.Net;
using System.Net.Http.Json;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Shops;

public sealed class when_a_shop_sets_itself_up(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task the_shop_spas_start_call_answers_without_a_token()
    {
        await ShopWorld.CreateAsync(Api);
        var response = await Api.Client().GetAsync("/api/v1/shop/settings/public?shop_id=17008");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Json();
        (body.GetProperty("name").GetString(), body.GetProperty("currency").GetString()).Should().Be(("Cvety.kz", "KZT"));
        body.GetProperty("working_hours").GetProperty("week").GetArrayLength().Should().Be(7);
        body.GetProperty("delivery").GetProperty("zones")[0].GetProperty("price").GetInt64().Should().Be(150_000, "the shop's delivery fee until zones are set");
        (await Api.Client().GetAsync("/api/v1/shop/settings/public")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Api.Client().GetAsync("/api/v1/shop/settings?shop_id=17008")).StatusCode.Should().Be(HttpStatusCode.OK, "the AI agent reads them without a token");
    }

    [Fact]
    public async Task a_director_edits_the_profile_and_the_public_sees_it_and_the_stream_says_who()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var put = await Api.Client(world.Director).PutAsJsonAsync("/api/v1/shop/settings",
            new { description = "Цветы с доставкой по Астане", instagram = "@cvety.kz", minimum_order = 500_000, welcome_text = "Здравствуйте! Чем помочь?", pickup_points = new[] { "пр. Мангилик Ел, 20" } });
        put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var settings = await (await Api.Client().GetAsync("/api/v1/shop/settings/public?shop_id=17008")).Json();
        (settings.GetProperty("instagram").GetString(), settings.GetProperty("minimum_order").GetInt64(), settings.GetProperty("pickup_points")[0].GetString())
            .Should().Be(("@cvety.kz", 500_000L, "пр. Мангилик Ел, 20"));
        (await Api.Client(world.Florist).PutAsJsonAsync("/api/v1/shop/settings", new { description = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await Api.Client(world.OtherShopDirector).GetAsync("/api/v1/shop/settings")).Json()).GetProperty("shop_id").GetInt32().Should().Be(8);
    }

    [Fact]
    public async Task working_hours_with_a_holiday_and_the_current_state()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var week = Enumerable.Range(1, 6).Select(d => new { weekday = d, opens = "09:00", closes = "20:00", closed = false }).ToArray();
        var put = await Api.Client(world.Manager).PutAsJsonAsync("/api/v1/shop/working-hours",
            new { week, exceptions = new[] { new { date = "2026-12-16", closed = true, note = "День Независимости" } }, utc_offset = "+05:00" });
        put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var hours = await put.Json();
        hours.GetProperty("week")[6].GetProperty("closed").GetBoolean().Should().BeTrue("Sunday was left out: a day off");

        Api.Clock.Freeze(new DateTimeOffset(2026, 12, 2, 10, 30, 0, TimeSpan.FromHours(5)));
        var open = await (await Api.Client().GetAsync("/api/v1/shop/hours/current?shop_id=17008")).Json();
        (open.GetProperty("is_open").GetBoolean(), open.GetProperty("opens_at").GetString(), open.GetProperty("closes_at").GetString()).Should().Be((true, "09:00", "20:00"));
        Api.Clock.Freeze(new DateTimeOffset(2026, 12, 16, 10, 30, 0, TimeSpan.FromHours(5)));
        var holiday = await (await Api.Client().GetAsync("/api/v1/shop/hours/current?shop_id=17008")).Json();
        holiday.GetProperty("is_open").GetBoolean().Should().BeFalse();
        holiday.GetProperty("next_opening").GetString().Should().Be("2026-12-17T09:00");

        (await Api.Client(world.Manager).PutAsJsonAsync("/api/v1/shop/working-hours", new { week = new[] { new { weekday = 1, opens = "20:00", closes = "09:00" } } }))
            .StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task delivery_costs_come_from_zones_and_the_free_threshold_also_when_a_customer_orders()
    {
        var world = await ShopWorld.CreateAsync(Api);
        (await Api.Client(world.Director).PutAsJsonAsync("/api/v1/shop/delivery", new
        {
            zones = new object[] { new { name = "Город", price = 200_000, free_from = 3_000_000 }, new { name = "Пригород", price = 400_000 } },
            express_surcharge = 100_000, same_day_cutoff = "14:00", slot_minutes = 120,
        })).StatusCode.Should().Be(HttpStatusCode.OK);

        var small = await (await Api.Client().GetAsync("/api/v1/shop/delivery/calculate?shop_id=17008&total=2000000")).Json();
        (small.GetProperty("delivery_cost").GetInt64(), small.GetProperty("zone").GetString()).Should().Be((200_000, "Город"));
        var large = await (await Api.Client().GetAsync("/api/v1/shop/delivery/calculate?shop_id=17008&total=3000000")).Json();
        (large.GetProperty("delivery_cost").GetInt64(), large.GetProperty("is_free").GetBoolean()).Should().Be((0, true));
        var far = await (await Api.Client().GetAsync("/api/v1/shop/delivery/calculate?shop_id=17008&total=3000000&zone=Пригород&express=true")).Json();
        far.GetProperty("delivery_cost").GetInt64().Should().Be(500_000);

        // A customer's order of 3 282 000 (over the threshold) pays no delivery; a client's own delivery_cost is ignored.
        var placed = await Api.Client().PostJson("/api/v1/orders/public/create?shop_id=17008", world.NewOrder(deliveryCost: 999));
        placed.StatusCode.Should().Be(HttpStatusCode.Created);
        (await placed.Json()).GetProperty("delivery_cost").GetInt64().Should().Be(0);
    }

    [Fact]
    public async Task staff_who_set_delivery_by_hand_are_recorded_with_why()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var order = await world.PlaceAsync(Api, world.Manager, new
        {
            customerName = "Айгуль", phone = "+77010000001", items = new[] { new { product_id = world.Bouquet, quantity = 1 } },
            delivery_type = "delivery", delivery_address = "пр. Достык, 1", delivery_cost = 50_000, delivery_cost_reason = "постоянный клиент", payment_method = "cash",
        });
        order.GetProperty("delivery_cost").GetInt64().Should().Be(50_000);
        var timeline = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{order.GetProperty("id").GetGuid()}/timeline")).Content.ReadAsStringAsync();
        timeline.Should().Contain("постоянный клиент").And.Contain("1500");
    }
}

public sealed class when_delivery_is_planned(CvetyApi api) : ApiTest(api)
{
    private static DateTimeOffset Local(int day, int hour, int minute) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(5));

    private async Task<ShopWorld> WithCutoffAt14Async()
    {
        var world = await ShopWorld.CreateAsync(Api);
        (await Api.Client(world.Director).PutAsJsonAsync("/api/v1/shop/delivery", new { same_day_cutoff = "14:00", slot_minutes = 120 }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        return world;
    }

    [Fact]
    public async Task at_13_59_todays_later_slots_are_open_and_at_14_01_none_are()
    {
        await WithCutoffAt14Async();
        Api.Clock.Freeze(Local(2, 13, 59));
        var before = await (await Api.Client().GetAsync("/api/v1/delivery/slots?shop_id=17008&date=2026-12-02")).Json();
        before.EnumerateArray().Where(s => s.GetProperty("available").GetBoolean()).Select(s => s.GetProperty("label").GetString())
            .Should().Equal("15:00-17:00", "17:00-19:00", "19:00-21:00");

        Api.Clock.Freeze(Local(2, 14, 1));
        var after = await (await Api.Client().GetAsync("/api/v1/delivery/slots?shop_id=17008&date=2026-12-02")).Json();
        after.EnumerateArray().Should().OnlyContain(s => !s.GetProperty("available").GetBoolean());
        var tomorrow = await (await Api.Client().GetAsync("/api/v1/delivery/slots?shop_id=17008&date=2026-12-03")).Json();
        tomorrow.EnumerateArray().Should().OnlyContain(s => s.GetProperty("available").GetBoolean());
    }

    [Fact]
    public async Task a_time_is_validated_against_the_slots_and_feasibility_names_the_earliest_day()
    {
        await WithCutoffAt14Async();
        Api.Clock.Freeze(Local(2, 14, 1));
        var late = await (await Api.Client().PostJson("/api/v1/delivery/validate?shop_id=17008", new { delivery_date = "2026-12-02", delivery_time = "16:00" })).Json();
        late.GetProperty("valid").GetBoolean().Should().BeFalse();
        var fine = await (await Api.Client().PostJson("/api/v1/delivery/validate?shop_id=17008", new { delivery_date = "2026-12-03", delivery_time = "16:00-18:00" })).Json();
        (fine.GetProperty("valid").GetBoolean(), fine.GetProperty("slot").GetString()).Should().Be((true, "15:00-17:00"));

        var feasibility = await (await Api.Client().GetAsync("/api/v1/delivery/feasibility?shop_id=17008&delivery_date=2026-12-02")).Json();
        (feasibility.GetProperty("feasible").GetBoolean(), feasibility.GetProperty("earliest_date").GetString()).Should().Be((false, "2026-12-03"));
    }

    [Fact]
    public async Task russian_phrases_become_a_date_and_time_in_the_shops_zone_and_nonsense_is_a_422()
    {
        await ShopWorld.CreateAsync(Api);
        // 23:30 on 1 December in Astana (18:30 UTC): tomorrow is the 2nd.
        Api.Clock.Freeze(Local(1, 23, 30));
        var parsed = await (await Api.Client().PostJson("/api/v1/delivery/parse?shop_id=17008", new { date_str = "завтра", time_str = "к 14:00" })).Json();
        (parsed.GetProperty("date").GetString(), parsed.GetProperty("time").GetString(), parsed.GetProperty("iso_datetime").GetString())
            .Should().Be(("2026-12-02", "14:00", "2026-12-02T14:00:00"));
        Api.Clock.Freeze(Local(2, 0, 30));
        (await (await Api.Client().PostJson("/api/v1/delivery/parse?shop_id=17008", new { date_str = "завтра" })).Json()).GetProperty("date").GetString()
            .Should().Be("2026-12-03", "after midnight in Astana, tomorrow is the 3rd although UTC is still on the 1st");

        var nonsense = await Api.Client().PostJson("/api/v1/delivery/parse?shop_id=17008", new { date_str = "когда-нибудь" });
        nonsense.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await nonsense.Content.ReadAsStringAsync()).Should().Contain("date_str");
    }
}
