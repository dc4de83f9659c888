using System.Net;
using System.Text.Json;
using System.Net.Http.Json;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Clients;

public sealed class when_a_shop_knows_its_clients(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task an_order_placed_through_the_public_route_makes_and_counts_a_client_card()
    {
        var world = await ShopWorld.CreateAsync(Api);
        (await Api.Client().PostJson("/api/v1/orders/public/create?shop_id=17008", world.NewOrder())).StatusCode.Should().Be(HttpStatusCode.Created);
        (await Api.Client().PostJson("/api/v1/orders/public/create?shop_id=17008", world.NewOrder())).StatusCode.Should().Be(HttpStatusCode.Created);

        var clients = await (await Api.Client(world.Manager).GetAsync("/api/v1/clients/?search=7010000001")).Json();
        clients.GetArrayLength().Should().Be(1);
        var card = clients[0];
        (card.GetProperty("name").GetString(), card.GetProperty("phone").GetString(), card.GetProperty("orders_count").GetInt32())
            .Should().Be(("Айгуль", "+77010000001", 2));
        card.GetProperty("default_address").GetString().Should().Be("пр. Достык, 123, кв. 45");

        var details = await (await Api.Client(world.Manager).GetAsync($"/api/v1/clients/{card.GetProperty("id").GetGuid()}")).Json();
        details.GetProperty("orders").GetArrayLength().Should().Be(2);
        details.GetProperty("statistics").GetProperty("total_spent").GetInt64().Should().Be(2 * 3_432_000);
    }

    [Fact]
    public async Task a_bot_registers_a_client_and_finds_it_again_on_the_same_card_as_their_orders()
    {
        var world = await ShopWorld.CreateAsync(Api);
        await Api.Client().PostJson("/api/v1/orders/public/create?shop_id=17008", world.NewOrder());
        var bot = Api.Client();
        bot.DefaultRequestHeaders.Add("X-Bot-Key", CvetyApi.BotKey);
        var registered = await bot.PostJson("/api/v1/telegram/client/register",
            new { telegram_user_id = 5551234, phone = "87010000001", customer_name = "Айгуль", shop_id = 17008, telegram_username = "aigul" });
        registered.StatusCode.Should().Be(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
        var found = await (await bot.GetAsync("/api/v1/telegram/client?telegram_user_id=5551234&shop_id=17008")).Json();
        (found.GetProperty("phone").GetString(), found.GetProperty("orders_count").GetInt32(), found.GetProperty("telegram_username").GetString())
            .Should().Be(("+77010000001", 1, "aigul"));
    }

    [Fact]
    public async Task staff_add_edit_and_note_a_client_and_a_known_phone_is_a_conflict()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var created = await Api.Client(world.Manager).PostJson("/api/v1/clients/", new { phone = "+77075550001", name = "Гульнара", tags = new[] { "VIP" } });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.Json()).GetProperty("id").GetGuid();
        (await Api.Client(world.Manager).PostJson("/api/v1/clients/", new { phone = "8 707 555 00 01" })).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var edited = await Api.Client(world.Florist).PutAsJsonAsync($"/api/v1/clients/{id}", new { name = "Гульнара Ахметова", email = "g@example.kz", other_phones = new[] { "+77075550002" } });
        edited.StatusCode.Should().Be(HttpStatusCode.OK);
        (await edited.Json()).GetProperty("other_phones")[0].GetString().Should().Be("+77075550002");
        var noted = await Api.Client(world.Florist).PutAsJsonAsync($"/api/v1/clients/{id}/notes", new { notes = "Только белые розы" });
        (await noted.Json()).GetProperty("notes").GetString().Should().Be("Только белые розы");
        (await Api.Client(world.Manager).PutAsJsonAsync($"/api/v1/clients/{id}", new { phone = "not a phone" })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task sync_run_twice_creates_nothing_the_second_time()
    {
        var world = await ShopWorld.CreateAsync(Api);
        await world.PlaceAsync(Api);
        await world.PlaceAsync(Api, body: new
        {
            customerName = "Болат", phone = "+77019998877", items = new[] { new { product_id = world.Bouquet, quantity = 1 } },
            delivery_type = "pickup", payment_method = "cash",
        });
        var first = await (await Api.Client(world.Manager).PostAsync("/api/v1/clients/sync", null)).Json();
        (first.GetProperty("created_count").GetInt32(), first.GetProperty("total_phones").GetInt32()).Should().Be((2, 2));
        var second = await (await Api.Client(world.Manager).PostAsync("/api/v1/clients/sync", null)).Json();
        (second.GetProperty("created_count").GetInt32(), second.GetProperty("existing_count").GetInt32()).Should().Be((0, 2));
        (await (await Api.Client(world.Manager).GetAsync("/api/v1/clients/")).Json()).GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task the_dashboard_counts_clients_and_repeat_buyers()
    {
        var world = await ShopWorld.CreateAsync(Api);
        await world.PlaceAsync(Api);
        await world.PlaceAsync(Api);
        await Api.Client(world.Manager).PostJson("/api/v1/clients/", new { phone = "+77075550001", name = "Без заказов" });
        var dashboard = await (await Api.Client(world.Manager).GetAsync("/api/v1/clients/stats/dashboard")).Json();
        (dashboard.GetProperty("total_clients").GetInt32(), dashboard.GetProperty("repeat_rate").GetDouble()).Should().Be((2, 1.0));
        dashboard.GetProperty("top_clients")[0].GetProperty("orders_count").GetInt32().Should().Be(2);
        var normalized = await (await Api.Client(world.Manager).PostJson("/api/v1/clients/normalize-phone", new { phone = "8 (701) 000-00-01" })).Json();
        normalized.GetProperty("normalized").GetString().Should().Be("+77010000001");
    }

    [Fact]
    public async Task the_agent_reads_a_profile_with_the_shops_key_and_an_opt_out_hides_the_history()
    {
        var world = await ShopWorld.CreateAsync(Api);
        await world.PlaceAsync(Api);
        (await Api.Client().GetAsync("/api/v1/client_profile?phone=%2B77010000001&shop_id=17008")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var agent = Api.Client();
        agent.DefaultRequestHeaders.Add("X-Bot-Key", CvetyApi.BotKey);
        var profile = await (await agent.GetAsync("/api/v1/client_profile?phone=87010000001&shop_id=17008")).Json();
        (profile.GetProperty("found").GetBoolean(), profile.GetProperty("name").GetString()).Should().Be((true, "Айгуль"));
        profile.GetProperty("saved_addresses")[0].GetString().Should().Be("пр. Достык, 123, кв. 45");
        profile.GetProperty("recent_orders").GetArrayLength().Should().Be(1);

        var patch = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/client_profile/privacy?shop_id=17008") { Content = JsonContent.Create(new { phone = "+77010000001", opt_out = true }) };
        (await agent.SendAsync(patch)).StatusCode.Should().Be(HttpStatusCode.OK);
        var hidden = await (await agent.GetAsync("/api/v1/client_profile?phone=87010000001&shop_id=17008")).Json();
        (hidden.GetProperty("personalisation_allowed").GetBoolean(), hidden.GetProperty("recent_orders").GetArrayLength()).Should().Be((false, 0));

        var erase = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/client_profile/privacy?shop_id=17008") { Content = JsonContent.Create(new { phone = "+77010000001", delete_data = true, reason = "прошу удалить" }) };
        (await (await agent.SendAsync(erase)).Json()).GetProperty("erasure_requested").GetBoolean().Should().BeTrue();
        (await (await Api.Client(world.Manager).GetAsync("/api/v1/orders")).Json()).GetArrayLength().Should().Be(1, "an erasure request deletes no order history");

        // Staff carry it out: a florist may not, another shop does not find the client, a manager does.
        var id = (await (await Api.Client(world.Manager).GetAsync("/api/v1/clients/?search=7010000001")).Json())[0].GetProperty("id").GetGuid();
        (await Api.Client(world.Florist).PostJson($"/api/v1/clients/{id}/erase", new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Api.Client(world.OtherShopDirector).PostJson($"/api/v1/clients/{id}/erase", new { reason = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var erased = await Api.Client(world.Manager).PostJson($"/api/v1/clients/{id}/erase", new { });
        erased.StatusCode.Should().Be(HttpStatusCode.OK, await erased.Content.ReadAsStringAsync());
        var card = await erased.Json();
        card.GetProperty("name").ValueKind.Should().Be(JsonValueKind.Null);
        card.GetProperty("addresses").GetArrayLength().Should().Be(0);
        card.GetProperty("erased_at").ValueKind.Should().Be(JsonValueKind.String);
        card.GetProperty("erasure_requested_at").ValueKind.Should().Be(JsonValueKind.Null, "the request is carried out");
        var forgotten = await (await agent.GetAsync("/api/v1/client_profile?phone=87010000001&shop_id=17008")).Json();
        forgotten.GetProperty("saved_addresses").GetArrayLength().Should().Be(0);
        var orders = await (await Api.Client(world.Manager).GetAsync("/api/v1/orders")).Json();
        orders.GetArrayLength().Should().Be(1, "the order stays as the shop's accounting record (what it keeps: when_staff_erase_a_clients_data)");
        var history = await (await Api.Client(world.Manager).GetAsync($"/api/v1/clients/{id}/history")).Json();
        history.EnumerateArray().Last().GetProperty("event").GetString().Should().Be("client_data_erased");

        // Without the client's request, staff must say why.
        var other = (await (await Api.Client(world.Manager).PostJson("/api/v1/clients/", new { phone = "+77075550002", name = "Дана" })).Json()).GetProperty("id").GetGuid();
        (await Api.Client(world.Manager).PostJson($"/api/v1/clients/{other}/erase", new { })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Api.Client(world.Director).PostJson($"/api/v1/clients/{other}/erase", new { reason = "просьба по телефону" })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task no_client_route_reads_or_changes_another_shops_client()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var id = (await (await Api.Client(world.Manager).PostJson("/api/v1/clients/", new { phone = "+77075550001", name = "Чужая" })).Json()).GetProperty("id").GetGuid();
        var other = Api.Client(world.OtherShopDirector);
        (await other.GetAsync($"/api/v1/clients/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.PutAsJsonAsync($"/api/v1/clients/{id}", new { name = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.PutAsJsonAsync($"/api/v1/clients/{id}/notes", new { notes = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await other.GetAsync("/api/v1/clients/")).Json()).GetArrayLength().Should().Be(0);
        (await (await other.GetAsync("/api/v1/clients/stats/dashboard")).Json()).GetProperty("total_clients").GetInt32().Should().Be(0);
    }
}
