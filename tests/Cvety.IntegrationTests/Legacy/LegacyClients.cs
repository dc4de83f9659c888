using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Legacy;

/// <summary>
/// The five programs that call the legacy backend today, sending their real request shapes (from legacy-clients.md)
/// to the routes they call and reading the answers the way they do: bare arrays, the fields they index.
/// </summary>
public abstract class LegacyClientTest(CvetyApi api) : ApiTest(api)
{
    protected static async Task<JsonElement> Created(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Json();
    }

    protected static HttpRequestMessage Request(HttpMethod method, string url, string? json = null) =>
        new(method, url) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };

    protected async Task<JsonElement> StaffViewAsync(ShopWorld world, Guid id) =>
        await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{id}")).Json();
}

public sealed class when_the_admin_spa_calls(CvetyApi api) : LegacyClientTest(api)
{
    [Fact]
    public async Task its_create_order_wizard_places_an_order_with_a_utc_date_and_its_list_is_an_array()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var client = Api.Client(world.Manager);
        // Date.toISOString() of 13:00 in Astana, delivery_notes, delivery_cost 0 and check_availability, as the wizard sends them.
        var placed = await Created(await client.PostJson("/api/v1/orders/", new
        {
            customerName = "Айгуль", phone = "+77010000001", customer_email = (string?)null,
            items = new[] { new { product_id = world.Bouquet, quantity = 1, special_requests = "" } },
            delivery_type = "delivery", delivery_address = "пр. Достык, 1", delivery_date = "2025-10-10T08:00:00.000Z",
            delivery_notes = "позвонить за час", delivery_cost = 0, check_availability = true,
            recipient_name = "Анара", recipient_phone = "+77020000002", payment_method = "cash",
        }));
        placed.GetProperty("delivery_day").GetString().Should().Be("2025-10-10");
        // The admin SPA appends Z itself: the same 13:00 in Astana, as a naive UTC time (ADR 0024).
        placed.GetProperty("delivery_date").GetString().Should().Be("2025-10-10T08:00:00");
        placed.GetProperty("scheduled_time").GetString().Should().Be("13:00");
        placed.GetProperty("delivery_notes").GetString().Should().Be("позвонить за час");
        placed.GetProperty("total").GetInt64().Should().Be(750_000);

        var list = await client.GetAsync("/api/v1/orders/?status=new&customer_phone=%2B77010000001&skip=0&limit=20");
        var orders = await list.Json();
        orders.ValueKind.Should().Be(JsonValueKind.Array);
        orders[0].GetProperty("id").GetGuid().Should().Be(placed.GetProperty("id").GetGuid());
        list.Headers.GetValues("X-Total-Count").Single().Should().Be("1");

        // Its older path for the same wizard places through the same use case: totals from the catalog, staff only.
        var legacy = await Created(await client.PostJson("/api/v1/orders/with-items", world.NewOrder()));
        legacy.GetProperty("total").GetInt64().Should().Be(3_432_000, "the sender's own total of 1 is ignored");
        legacy.GetProperty("items").GetArrayLength().Should().Be(2);
        (await Api.Client().PostJson("/api/v1/orders/with-items", world.NewOrder())).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task it_moves_and_cancels_orders_with_query_parameters_and_only_staff_may_cancel()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var id = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        var client = Api.Client(world.Manager);

        var moved = await client.SendAsync(Request(HttpMethod.Patch, $"/api/v1/orders/{id}/status?status=accepted&notes=%D0%BF%D1%80%D0%B8%D0%BD%D1%8F%D0%BB%D0%B8"));
        moved.StatusCode.Should().Be(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        (await moved.Json()).GetProperty("status").GetString().Should().Be("accepted");

        (await Api.Client().PostAsync($"/api/v1/orders/{id}/cancel?reason=test", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var other = await Api.Client(world.OtherShopDirector).PostAsync($"/api/v1/orders/{id}/cancel?reason=test", null);
        other.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var cancelled = await client.PostAsync($"/api/v1/orders/{id}/cancel?reason=%D0%BA%D0%BB%D0%B8%D0%B5%D0%BD%D1%82", null);
        cancelled.StatusCode.Should().Be(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
        (await cancelled.Json()).GetProperty("cancel_reason").GetString().Should().Be("клиент");
        (await client.SendAsync(Request(HttpMethod.Patch, $"/api/v1/orders/{id}/status"))).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task it_edits_products_partially_toggles_them_with_a_query_parameter_and_asks_for_disabled_ones()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var client = Api.Client(world.Manager);
        (await client.PutAsJsonAsync($"/api/v1/products/{world.Roses}", new { is_featured = true, colors = new[] { "red" } })).EnsureSuccessStatusCode();

        var edited = await client.PutAsJsonAsync($"/api/v1/products/{world.Roses}", new { price = 1_900_000, description = "Свежие розы" });
        edited.StatusCode.Should().Be(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var product = await edited.Json();
        product.GetProperty("price").GetInt64().Should().Be(1_900_000);
        product.GetProperty("description").GetString().Should().Be("Свежие розы");
        product.GetProperty("name").GetString().Should().Be("Розы 15 шт", "absent fields keep their values");
        product.GetProperty("is_featured").GetBoolean().Should().BeTrue();
        product.GetProperty("colors")[0].GetString().Should().Be("red");

        // One change: a refused price leaves the availability sent with it unchanged too.
        (await client.PutAsJsonAsync($"/api/v1/products/{world.Roses}", new { enabled = false, price = 0 })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var unchanged = await (await client.GetAsync($"/api/v1/products/{world.Roses}")).Json();
        unchanged.GetProperty("enabled").GetBoolean().Should().BeTrue();
        unchanged.GetProperty("price").GetInt64().Should().Be(1_900_000);

        (await client.SendAsync(Request(HttpMethod.Patch, $"/api/v1/products/{world.Roses}/status?enabled=false"))).EnsureSuccessStatusCode();
        (await (await client.PutAsJsonAsync($"/api/v1/products/{world.Bouquet}", new { enabled = false })).Json()).GetProperty("enabled").GetBoolean().Should().BeFalse();

        var all = await (await client.GetAsync("/api/v1/products/admin?skip=0&limit=50&enabled_only=false")).Json();
        all.EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).Should().Contain([world.Roses, world.Bouquet]);
        (await (await client.GetAsync("/api/v1/products/admin?enabled_only=true")).Json()).EnumerateArray().Should().BeEmpty();
        (await (await Api.Client().GetAsync("/api/v1/products?shop_id=17008")).Json()).EnumerateArray().Should().BeEmpty();
        (await (await client.GetAsync("/api/v1/warehouse/")).Json()).ValueKind.Should().Be(JsonValueKind.Array);
        (await client.PutAsJsonAsync($"/api/v1/products/{world.OtherShopProduct}", new { price = 1 })).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

public sealed class when_the_admin_spa_adds_photos_by_url(CvetyApi api) : LegacyClientTest(api)
{
    [Fact]
    public async Task a_photo_uploaded_elsewhere_is_copied_into_our_storage_and_removed_by_its_id()
    {
        var world = await ShopWorld.CreateAsync(Api);
        await using var elsewhere = await Catalog.FakeServer.StartAsync(app =>
        {
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(app, "/upload/rose.jpg", () => Microsoft.AspNetCore.Http.Results.Bytes(Catalog.Bouquets.Photo(2), "image/jpeg"));
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(app, "/upload/page.html", () => Microsoft.AspNetCore.Http.Results.Text("<html></html>", "text/html"));
        });
        var client = Api.Client(world.Manager);

        var added = await client.PostAsJsonAsync($"/api/v1/products/{world.Roses}/images", new { url = elsewhere.BaseUrl + "/upload/rose.jpg", order = 0, is_primary = true });
        var product = await Created(added);
        var image = product.GetProperty("images")[0];
        image.GetProperty("url").GetString().Should().StartWith("/media/");
        image.GetProperty("is_primary").GetBoolean().Should().BeTrue();

        // Our own URL is taken as it is, not downloaded again.
        var again = await Created(await client.PostAsJsonAsync($"/api/v1/products/{world.Bouquet}/images", new { url = image.GetProperty("url").GetString(), order = 0, is_primary = false }));
        again.GetProperty("images")[0].GetProperty("url").GetString().Should().Be(image.GetProperty("url").GetString());

        (await client.PostAsJsonAsync($"/api/v1/products/{world.Roses}/images", new { url = elsewhere.BaseUrl + "/upload/page.html" })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        var removed = await client.DeleteAsync($"/api/v1/products/{world.Roses}/images/{image.GetProperty("id").GetInt32()}");
        removed.StatusCode.Should().Be(HttpStatusCode.OK, await removed.Content.ReadAsStringAsync());
        (await removed.Json()).GetProperty("images").GetArrayLength().Should().Be(0);
        (await client.DeleteAsync($"/api/v1/products/{world.Roses}/images/12345")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

public sealed class when_the_shop_spa_calls(CvetyApi api) : LegacyClientTest(api)
{
    [Fact]
    public async Task its_checkout_without_a_date_is_accepted_and_staff_see_it_as_date_to_be_agreed()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var body = $$"""
            {"customerName":"+77015211545","phone":"+77015211545","customer_email":null,"delivery_address":"ул. Кенесары, 40",
             "delivery_cost":150000,"delivery_notes":"Завтра, 12:00-14:00","notes":"","recipient_name":"Анара","recipient_phone":"+77020000002",
             "pickup_address":null,"delivery_type":"delivery","payment_method":"kaspi",
             "items":[{"product_id":{{world.Bouquet}},"quantity":1,"special_requests":""}],"check_availability":false}
            """;
        var placed = await Created(await Api.Client().PostAsync("/api/v1/orders/public/create?shop_id=17008", new StringContent(body, Encoding.UTF8, "application/json")));

        var id = placed.GetProperty("id").GetGuid();
        placed.GetProperty("tracking_id").GetString().Should().MatchRegex("^[0-9]{9}$");
        var staff = await StaffViewAsync(world, id);
        staff.GetProperty("date_to_be_agreed").GetBoolean().Should().BeTrue();
        staff.GetProperty("delivery_notes").GetString().Should().Be("Завтра, 12:00-14:00");
        staff.GetProperty("delivery_date").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task its_catalog_product_page_and_tracking_page_read_what_they_expect()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var catalog = await (await Api.Client().GetAsync("/api/v1/products?shop_id=17008&limit=20&skip=0&enabled_only=true&search=&min_price=0&max_price=100000000&type=flowers")).Json();
        catalog.ValueKind.Should().Be(JsonValueKind.Array);
        catalog.GetArrayLength().Should().Be(2);
        var product = await Api.Client().GetAsync($"/api/v1/products/{world.Bouquet}");
        product.StatusCode.Should().Be(HttpStatusCode.OK, "a product id is global: no shop_id needed");
        (await product.Json()).GetProperty("name").GetString().Should().Be("Букет Стандарт");

        var placed = await world.PlaceAsync(Api, body: world.NewOrder(payment: "kaspi"));
        var tracking = placed.GetProperty("tracking_id").GetString();
        var view = await Eventually.HoldsAsync(async () => (await (await Api.Client().GetAsync($"/api/v1/orders/by-tracking/{tracking}/status")).Json())
            .GetProperty("kaspi_payment_id").ValueKind == JsonValueKind.String, TimeSpan.FromSeconds(20));
        var page = await (await Api.Client().GetAsync($"/api/v1/orders/by-tracking/{tracking}/status")).Json();
        page.GetProperty("id").GetGuid().Should().Be(placed.GetProperty("id").GetGuid());
        page.GetProperty("sender").GetProperty("phone").GetString().Should().Be("+770*****001");
        page.GetProperty("date_time").GetString().Should().Be("2026-12-01T14:00:00");
        page.TryGetProperty("pickup_address", out _).Should().BeTrue();
        view.Should().BeTrue("Kaspi's payment id appears once the request is made");
        page.GetProperty("status").GetString().Should().Be("confirmed", "the tracking page's own word for a new order");
        page.GetProperty("order_status").GetString().Should().Be("new");
        page.GetProperty("status_text").GetString().Should().Be("Заказ принят");

        var edit = await Api.Client().PutAsync($"/api/v1/orders/by-tracking/{tracking}?changed_by=customer", new StringContent(
            """{"recipient_name":"Анара Б.","delivery_address":"ул. Кенесары, 42","delivery_date":"2026-12-02","delivery_time":"16:00-18:00","notes":"","delivery_notes":""}""",
            Encoding.UTF8, "application/json"));
        edit.StatusCode.Should().Be(HttpStatusCode.OK, await edit.Content.ReadAsStringAsync());
        var edited = await edit.Json();
        edited.GetProperty("delivery_date").GetString().Should().Be("2026-12-02");
        edited.GetProperty("scheduled_time").GetString().Should().Be("16:00-18:00");
        edited.GetProperty("delivery_address").GetString().Should().Be("ул. Кенесары, 42");
    }
}

public sealed class when_the_ai_agent_calls(CvetyApi api) : LegacyClientTest(api)
{
    [Fact]
    public async Task it_orders_with_a_local_date_time_a_string_telegram_id_and_its_own_total_which_is_ignored()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var body = $$"""
            {"customerName":"Айгуль","phone":"87015211545","delivery_address":"","delivery_type":"delivery",
             "items":[{"product_id":{{world.Roses}},"quantity":2}],"total_price":100,"recipient_name":"Анара","recipient_phone":"87020000002",
             "notes":"от агента","ask_delivery_address":true,"ask_delivery_time":false,"payment_method":"kaspi",
             "telegram_user_id":"5550001","delivery_date":"2026-12-05T15:00:00"}
            """;
        var placed = await Created(await Api.Client().PostAsync("/api/v1/orders/public/create?shop_id=17008", new StringContent(body, Encoding.UTF8, "application/json")));

        var staff = await StaffViewAsync(world, placed.GetProperty("id").GetGuid());
        staff.GetProperty("total").GetInt64().Should().Be(2 * 1_782_000 + 150_000, "the server's total stands");
        staff.GetProperty("telegram_user_id").GetString().Should().Be("5550001", "the legacy OrderRead's type");
        staff.GetProperty("delivery_day").GetString().Should().Be("2026-12-05");
        staff.GetProperty("scheduled_time").GetString().Should().Be("15:00");
        staff.GetProperty("ask_delivery_address").GetBoolean().Should().BeTrue();
        staff.GetProperty("sales_channel").GetString().Should().Be("telegram");
    }

    [Fact]
    public async Task it_lists_products_by_product_type_and_price()
    {
        await ShopWorld.CreateAsync(Api);
        var response = await Api.Client().GetAsync("/api/v1/products/?shop_id=17008&enabled_only=true&product_type=flowers&min_price=1000000&max_price=2000000&limit=10");
        var products = await response.Json();
        products.EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().Equal("Розы 15 шт");
        response.Headers.GetValues("X-Total-Count").Single().Should().Be("1");
        (await (await Api.Client().GetAsync("/api/v1/products/?shop_id=17008&product_type=sweets")).Json()).EnumerateArray().Should().BeEmpty();
    }
}

public sealed class when_the_mcp_server_calls(CvetyApi api) : LegacyClientTest(api)
{
    [Fact]
    public async Task it_previews_a_bare_array_and_orders_with_the_parsed_date_and_a_single_time()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var preview = await Api.Client().PostAsync("/api/v1/orders/public/preview?shop_id=17008",
            new StringContent($$"""[{"product_id":{{world.Bouquet}},"quantity":2}]""", Encoding.UTF8, "application/json"));
        preview.StatusCode.Should().Be(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        (await preview.Json()).GetProperty("items")[0].GetProperty("quantity").GetInt32().Should().Be(2);

        var placed = await Created(await Api.Client().PostAsync("/api/v1/orders/public/create?shop_id=17008", new StringContent($$"""
            {"customerName":"Айгуль","phone":"+77015211545","delivery_address":"пр. Абая, 10","delivery_type":"delivery",
             "items":[{"product_id":{{world.Bouquet}},"quantity":1}],"delivery_date":"2025-01-16T14:00:00","scheduled_time":"14:00","payment_method":"cash"}
            """, Encoding.UTF8, "application/json")));
        var staff = await StaffViewAsync(world, placed.GetProperty("id").GetGuid());
        staff.GetProperty("delivery_day").GetString().Should().Be("2025-01-16");
        staff.GetProperty("scheduled_time").GetString().Should().Be("14:00");
        staff.GetProperty("delivery_from").GetString().Should().Be("14:00:00");
    }

    [Fact]
    public async Task it_cancels_with_a_reason_in_the_query_and_searches_photos_with_top_k()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var id = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        var cancelled = await Api.Client(world.Manager).PostAsync($"/api/v1/orders/{id}/cancel?reason=mcp", null);
        cancelled.StatusCode.Should().Be(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());

        var search = await Api.Client().PostAsJsonAsync("/api/v1/products/search/similar", new { shop_id = 17008, image_base64 = Convert.ToBase64String(Catalog.Bouquets.Photo(1)), topK = 1 });
        search.StatusCode.Should().Be(HttpStatusCode.OK, await search.Content.ReadAsStringAsync());
    }
}

public sealed class when_bitrix_sends_a_status_we_do_not_know(CvetyApi api) : LegacyClientTest(api)
{
    [Fact]
    public async Task a_code_of_any_length_is_skipped_not_refused()
    {
        await Bitrix.BitrixWorld.CreateAsync(Api);
        await Api.Client().PostJson("/webhooks/bitrix/order", Bitrix.BitrixWorld.Sample("bitrix-order-create.json"));
        var request = Request(HttpMethod.Post, "/api/v1/webhooks/order-status-sync", """{"order_id":122183,"status":"CUSTOM_STATUS_FROM_A_PLUGIN"}""");
        request.Headers.Add("X-Webhook-Secret", CvetyApi.BitrixWebhookSecret);
        var response = await Api.Client().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Json()).GetProperty("status").GetString().Should().Be("skipped");
    }
}

public sealed class when_a_role_may_not_make_a_move(CvetyApi api) : LegacyClientTest(api)
{
    [Fact]
    public async Task it_is_told_403_before_anything_of_the_orders_state()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var id = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        (await Api.Client(world.Manager).PostAsync($"/api/v1/orders/{id}/cancel?reason=x", null)).EnsureSuccessStatusCode();

        // Cancelled already: a manager learns that (409); a florist may not cancel at all, so learns only that (403).
        (await Api.Client(world.Manager).PostAsync($"/api/v1/orders/{id}/cancel?reason=x", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        var florist = await Api.Client(world.Florist).PostAsync($"/api/v1/orders/{id}/cancel?reason=x", null);
        florist.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await florist.Content.ReadAsStringAsync()).Should().NotContain("cancelled");
        (await Api.Client(world.Florist).SendAsync(Request(HttpMethod.Patch, $"/api/v1/orders/{id}/status?status=delivered"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}

public sealed class when_the_telegram_bots_call(CvetyApi api) : LegacyClientTest(api)
{
    private HttpClient Bot(string? key = null)
    {
        var client = Api.Client();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Bot-Key", key);
        return client;
    }

    [Fact]
    public async Task a_person_who_shares_their_contact_is_registered_and_found_again()
    {
        await ShopWorld.CreateAsync(Api);
        var bot = Bot(CvetyApi.BotKey);
        var unknown = await bot.GetAsync("/api/v1/telegram/client?telegram_user_id=5550001&shop_id=17008");
        (unknown.StatusCode, await unknown.Content.ReadAsStringAsync()).Should().Be((HttpStatusCode.OK, "null"), "a stranger is null, as the legacy answered");

        // The customer bot's body: the Telegram id as the bot has it (a number), the phone as Telegram shares it.
        var registered = await bot.PostAsync("/api/v1/telegram/client/register", new StringContent(
            """{"telegram_user_id":5550001,"phone":"77015211545","customer_name":"Айгуль","shop_id":17008,"telegram_username":"aigul","telegram_first_name":"Айгуль"}""",
            Encoding.UTF8, "application/json"));
        registered.StatusCode.Should().Be(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());

        var found = await (await bot.GetAsync("/api/v1/telegram/client?telegram_user_id=5550001&shop_id=17008")).Json();
        found.GetProperty("phone").GetString().Should().Be("+77015211545");
        found.GetProperty("name").GetString().Should().Be("Айгуль");
        found.GetProperty("telegram_username").GetString().Should().Be("aigul");

        // Registering again updates the same client; the id as a string of digits works too.
        var again = await (await bot.PostAsync("/api/v1/telegram/client/register", new StringContent(
            """{"telegram_user_id":"5550001","phone":"+77015211545","customer_name":"Айгуль Б.","shop_id":"17008","telegram_username":"aigul_b"}""",
            Encoding.UTF8, "application/json"))).Json();
        again.GetProperty("id").GetGuid().Should().Be(found.GetProperty("id").GetGuid());
        again.GetProperty("name").GetString().Should().Be("Айгуль Б.");
    }

    [Fact]
    public async Task a_bot_needs_its_shops_key_unless_the_shop_still_allows_the_legacy_call()
    {
        await ShopWorld.CreateAsync(Api);
        (await Bot().GetAsync("/api/v1/telegram/client?telegram_user_id=1&shop_id=17008")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Bot("wrong").GetAsync("/api/v1/telegram/client?telegram_user_id=1&shop_id=17008")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        // Shop 17008's key opens nothing of shop 8's and the other way round: keys are per shop.
        (await Bot(CvetyApi.BotKey).GetAsync("/api/v1/telegram/client?telegram_user_id=1&shop_id=32")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        // Shop 8 (development) still allows the legacy unauthenticated call, as its configuration says.
        (await Bot().GetAsync("/api/v1/telegram/client?telegram_user_id=1&shop_id=8")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
