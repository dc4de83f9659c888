using System.Net;
using System.Net.Http.Json;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Editing;

public sealed class when_staff_change_an_order_after_it_was_placed(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task an_edit_of_three_fields_gives_three_history_rows_with_old_and_new_values_and_the_editor()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var order = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        var manager = (await (await Api.Client(world.Manager).GetAsync("/api/v1/auth/me")).Json()).GetProperty("id").GetString();

        var edited = await Api.Client(world.Manager).PutAsJsonAsync($"/api/v1/orders/{order}",
            new { recipient_name = "Мадина", delivery_address = "ул. Кенесары, 40", payment_method = "kaspi" });
        edited.StatusCode.Should().Be(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());

        var rows = (await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{order}/history")).Json()).EnumerateArray()
            .Where(r => r.GetProperty("field_name").GetString() is "recipient_name" or "delivery_address" or "payment_method").ToList();
        rows.Select(r => (r.GetProperty("field_name").GetString(), r.GetProperty("old_value").GetString(), r.GetProperty("new_value").GetString()))
            .Should().BeEquivalentTo([("recipient_name", "Анара", "Мадина"), ("delivery_address", "пр. Достык, 123, кв. 45", "ул. Кенесары, 40"), ("payment_method", "cash", "kaspi")]);
        rows.Should().OnlyContain(r => r.GetProperty("actor").GetString() == manager && r.GetProperty("role").GetString() == "MANAGER");
    }

    [Fact]
    public async Task a_line_is_added_before_assembly_at_the_catalog_price_and_refused_after()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var order = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        var added = await Api.Client(world.Manager).PostAsync($"/api/v1/orders/{order}/items?product_id={world.Bouquet}&quantity=1&special_requests=без%20ленты", null);
        added.StatusCode.Should().Be(HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        var body = await added.Json();
        (body.GetProperty("items").GetArrayLength(), body.GetProperty("total").GetInt64()).Should().Be((3, 3_432_000 + 750_000));

        var removed = await Api.Client(world.Manager).DeleteAsync($"/api/v1/orders/{order}/items/{world.Roses}");
        (await removed.Json()).GetProperty("total").GetInt64().Should().Be(3_432_000 + 750_000 - 1_782_000);

        foreach (var status in new[] { "accepted", "assembled" }) (await Api.Client(world.Manager).Status(order, status)).EnsureSuccessStatusCode();
        (await Api.Client(world.Manager).PostAsync($"/api/v1/orders/{order}/items?product_id={world.Bouquet}&quantity=1", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Api.Client(world.Manager).PostJson($"/api/v1/orders/{order}/items", new { product_id = world.OtherShopProduct, quantity = 1 })).StatusCode
            .Should().Be(HttpStatusCode.Conflict, "an assembled order takes no line, whatever the product");
    }

    [Fact]
    public async Task a_removed_photo_leaves_the_tracking_page_but_stays_in_the_timeline()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var placed = await world.PlaceAsync(Api);
        var order = placed.GetProperty("id").GetGuid();
        (await Api.Client(world.Florist).PostAsync($"/api/v1/orders/{order}/photo", Orders.OrderPhotos.Form(Orders.OrderPhotos.Png))).EnsureSuccessStatusCode();
        var tracking = placed.GetProperty("tracking_id").GetString();
        (await (await Api.Client().GetAsync($"/api/v1/orders/by-tracking/{tracking}/status")).Json()).GetProperty("photos").GetArrayLength().Should().Be(1);

        (await Api.Client(world.Manager).DeleteAsync($"/api/v1/orders/{order}/photo?reason=не тот букет")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await Api.Client().GetAsync($"/api/v1/orders/by-tracking/{tracking}/status")).Json()).GetProperty("photos").GetArrayLength().Should().Be(0);
        var timeline = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{order}/timeline")).Json();
        timeline.EnumerateArray().Select(e => e.GetProperty("type").GetString()).Should().Contain(["order_photo_added", "order_photo_removed"]);
    }

    [Fact]
    public async Task an_order_is_never_deleted_and_lookups_by_phone_and_number_work()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var placed = await world.PlaceAsync(Api);
        var order = placed.GetProperty("id").GetGuid();
        var delete = await Api.Client(world.Director).DeleteAsync($"/api/v1/orders/{order}");
        delete.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await delete.Content.ReadAsStringAsync()).Should().Contain("cancel");

        (await (await Api.Client(world.Manager).GetAsync("/api/v1/orders/by-phone/87010000001")).Json()).GetArrayLength().Should().Be(1);
        var number = placed.GetProperty("order_number").GetString()!.TrimStart('#');
        var status = await (await Api.Client().GetAsync($"/api/v1/orders/by-number/{number}/status?shop_id=17008")).Json();
        (status.GetProperty("status").GetString(), status.GetProperty("recipient").GetProperty("phone").GetString()).Should().Be(("new", "+770*****002"));
        (await Api.Client().GetAsync($"/api/v1/orders/by-number/{number}/status?shop_id=8")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{order}/availability")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task no_edit_route_reaches_another_shops_order()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var order = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        var other = Api.Client(world.OtherShopDirector);
        (await other.PutAsJsonAsync($"/api/v1/orders/{order}", new { recipient_name = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/v1/orders/{order}/items?product_id={world.OtherShopProduct}&quantity=1", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.DeleteAsync($"/api/v1/orders/{order}/items/{world.Roses}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.DeleteAsync($"/api/v1/orders/{order}/photo")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/orders/{order}/availability")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await other.GetAsync("/api/v1/orders/by-phone/87010000001")).Json()).GetArrayLength().Should().Be(0);
    }
}

public sealed class when_products_and_stock_are_managed(CvetyApi api) : ApiTest(api)
{
    private static async Task<Guid> ItemAsync(HttpClient staff, string name, int quantity)
    {
        var created = await (await staff.PostJson("/api/v1/warehouse", new { name, cost_price = 30_000, retail_price = 60_000, min_quantity = 5 })).Json();
        var id = created.GetProperty("id").GetGuid();
        if (quantity > 0) (await staff.PostJson($"/api/v1/warehouse/{id}/delivery", new { quantity })).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task a_stock_take_applied_twice_moves_stock_once_and_keeps_what_moved_since()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var staff = Api.Client(world.Manager);
        var roses = await ItemAsync(staff, "Роза красная", 100);
        var sheet = await (await staff.GetAsync("/api/v1/inventory/prepare/items")).Json();
        sheet[0].GetProperty("expected_quantity").GetInt32().Should().Be(100);

        var draft = await staff.PostJson("/api/v1/inventory/", new { items = new[] { new { warehouse_item_id = roses, counted_quantity = 90 } }, notes = "пятничный пересчёт" });
        draft.StatusCode.Should().Be(HttpStatusCode.Created, await draft.Content.ReadAsStringAsync());
        var take = (await draft.Json()).GetProperty("id").GetGuid();
        // Five more roses arrive between the count and its application: they are kept.
        (await staff.PostJson($"/api/v1/warehouse/{roses}/delivery", new { quantity = 5 })).EnsureSuccessStatusCode();

        var applied = await (await staff.PostAsync($"/api/v1/inventory/{take}/apply", null)).Json();
        (applied.GetProperty("items_changed").GetInt32(), applied.GetProperty("already_applied").GetBoolean()).Should().Be((1, false));
        var again = await (await staff.PostAsync($"/api/v1/inventory/{take}/apply", null)).Json();
        again.GetProperty("already_applied").GetBoolean().Should().BeTrue();
        var item = await (await staff.GetAsync($"/api/v1/inventory/warehouse-items/{roses}/available")).Json();
        item.GetProperty("quantity").GetInt32().Should().Be(95, "100 expected, 90 counted, 5 delivered since");
        var moves = await (await staff.GetAsync($"/api/v1/warehouse/{roses}/operations")).Json();
        moves.EnumerateArray().Count(m => m.GetProperty("operation").GetString() == "inventory").Should().Be(1);
        (await (await staff.GetAsync("/api/v1/inventory/")).Json())[0].GetProperty("status").GetString().Should().Be("applied");
        (await Api.Client(world.OtherShopDirector).PostAsync($"/api/v1/inventory/{take}/apply", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task warehouse_items_are_edited_but_not_their_quantity_sold_and_archived_only_when_free()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var staff = Api.Client(world.Manager);
        var ribbon = await ItemAsync(staff, "Лента", 20);
        (await staff.PatchAsJsonAsync($"/api/v1/warehouse/{ribbon}", new { quantity = 500 })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var patched = await (await staff.PatchAsJsonAsync($"/api/v1/warehouse/{ribbon}", new { name = "Лента атласная", retail_price = 70_000 })).Json();
        (patched.GetProperty("name").GetString(), patched.GetProperty("retail_price").GetInt64()).Should().Be(("Лента атласная", 70_000L));
        (await (await staff.PostJson($"/api/v1/warehouse/{ribbon}/sale", new { quantity = 2, price = 70_000 })).Json()).GetProperty("quantity").GetInt32().Should().Be(18);
        (await (await staff.PostJson($"/api/v1/warehouse/{ribbon}/writeoff", new { quantity = 3, reason = "брак" })).Json()).GetProperty("quantity").GetInt32().Should().Be(15);

        (await staff.PutAsJsonAsync($"/api/v1/products/{world.Bouquet}/composition", new { items = new[] { new { item_id = ribbon, quantity = 1 } } })).EnsureSuccessStatusCode();
        await Api.SettledAsync(() => world.PlaceAsync(Api));
        (await staff.DeleteAsync($"/api/v1/warehouse/{ribbon}")).StatusCode.Should().Be(HttpStatusCode.Conflict, "an order holds some");
        (await Api.Client(world.OtherShopDirector).PatchAsJsonAsync($"/api/v1/warehouse/{ribbon}", new { name = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task an_archived_product_leaves_the_catalog_and_stays_on_its_orders()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var order = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        (await Api.Client(world.Florist).DeleteAsync($"/api/v1/products/{world.Roses}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Api.Client(world.Manager).DeleteAsync($"/api/v1/products/{world.Roses}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await Api.Client().GetAsync("/api/v1/products?shop_id=17008")).Json()).EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).Should().Equal(world.Bouquet);
        (await (await Api.Client(world.Manager).GetAsync("/api/v1/products/admin")).Json()).EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).Should().Equal(world.Bouquet);
        (await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{order}")).Json()).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("product_id").GetInt32()).Should().Contain(world.Roses);
        (await Api.Client(world.Manager).PatchAsync($"/api/v1/products/{world.Roses}/status?enabled=true", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Api.Client(world.OtherShopDirector).DeleteAsync($"/api/v1/products/{world.Bouquet}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

public sealed class when_a_recipe_is_built(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task recipe_lines_are_added_changed_removed_and_replaced_on_top_of_the_composition()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var staff = Api.Client(world.Manager);
        var roses = (await (await staff.PostJson("/api/v1/warehouse", new { name = "Роза", cost_price = 30_000, retail_price = 60_000 })).Json()).GetProperty("id").GetGuid();
        var ribbon = (await (await staff.PostJson("/api/v1/warehouse", new { name = "Лента", cost_price = 5_000, retail_price = 10_000 })).Json()).GetProperty("id").GetGuid();
        (await staff.PostJson($"/api/v1/warehouse/{roses}/delivery", new { quantity = 30 })).EnsureSuccessStatusCode();

        var recipe = await (await staff.PostJson($"/api/v1/products/{world.Bouquet}/recipe", new { warehouse_item_id = roses, quantity = 15 })).Json();
        (recipe[0].GetProperty("name").GetString(), recipe[0].GetProperty("enough_for").GetInt32()).Should().Be(("Роза", 2));
        (await staff.PostJson($"/api/v1/products/{world.Bouquet}/recipe", new { warehouse_item_id = roses })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await staff.PatchAsJsonAsync($"/api/v1/products/{world.Bouquet}/recipe/{roses}", new { quantity = 10 })).EnsureSuccessStatusCode();
        (await staff.PostJson($"/api/v1/products/{world.Bouquet}/recipe", new { warehouse_item_id = ribbon, quantity = 1 })).EnsureSuccessStatusCode();
        (await staff.DeleteAsync($"/api/v1/products/{world.Bouquet}/recipe/{ribbon}")).EnsureSuccessStatusCode();

        var detail = await (await staff.GetAsync($"/api/v1/products/{world.Bouquet}/detail")).Json();
        (detail.GetProperty("recipe").GetArrayLength(), detail.GetProperty("can_make").GetInt32(), detail.GetProperty("recipe_cost").GetInt64()).Should().Be((1, 3, 300_000L));
        (await (await staff.GetAsync($"/api/v1/products/{world.Bouquet}")).Json()).GetProperty("composition")[0].GetProperty("quantity").GetInt32().Should().Be(10, "one model, two ways in");

        var batch = await (await staff.PostJson($"/api/v1/products/{world.Bouquet}/recipe/batch", new { items = new[] { new { warehouse_item_id = ribbon, quantity = 2 } } })).Json();
        batch.EnumerateArray().Select(l => l.GetProperty("name").GetString()).Should().Equal("Лента");
        var availability = await (await Api.Client().GetAsync($"/api/v1/products/check-availability?shop_id=17008&product_ids={world.Bouquet}&product_ids={world.Roses}")).Json();
        availability.EnumerateArray().Single(a => a.GetProperty("product_id").GetInt32() == world.Bouquet).GetProperty("available").GetBoolean().Should().BeFalse("no ribbon in stock");
        (await Api.Client(world.OtherShopDirector).GetAsync($"/api/v1/products/{world.Bouquet}/recipe")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task lines_edited_at_the_same_moment_are_all_kept_once_acknowledged()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var staff = Api.Client(world.Manager);
        var items = new List<Guid>();
        for (var i = 0; i < 6; i++)
            items.Add((await (await staff.PostJson("/api/v1/warehouse", new { name = $"Цветок {i}", cost_price = 30_000, retail_price = 60_000 })).Json()).GetProperty("id").GetGuid());

        // Each line is decided on the product as it is when it is written: no edit overwrites another (a lost update
        // when the route read the recipe in one message and wrote it in another). A loser of a race is told (409), never silently dropped.
        var answers = await Task.WhenAll(items.Select(item => Api.Client(world.Manager).PostJson($"/api/v1/products/{world.Bouquet}/recipe", new { warehouse_item_id = item, quantity = 3 })));
        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.OK || a.StatusCode == HttpStatusCode.Conflict);
        var acknowledged = items.Where((_, i) => answers[i].StatusCode == HttpStatusCode.OK).ToList();
        acknowledged.Should().NotBeEmpty();
        var composition = (await (await staff.GetAsync($"/api/v1/products/{world.Bouquet}")).Json()).GetProperty("composition").EnumerateArray()
            .Select(c => c.GetProperty("item_id").GetGuid()).ToList();
        composition.Should().Contain(acknowledged);
    }
}

public sealed class when_the_admin_bot_asks_for_a_staff_members_orders(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task a_linked_telegram_account_sees_its_orders_and_an_unknown_one_is_refused()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var order = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        await world.PlaceAsync(Api);
        (await Api.Client(world.Manager).Patch($"/api/v1/orders/{order}/assign-courier", new { user_id = world.CourierId })).EnsureSuccessStatusCode();
        (await Api.Client(world.Courier).PutAsJsonAsync("/api/v1/profile/", new { telegram_user_id = 7770001 })).EnsureSuccessStatusCode();

        var bot = Api.Client();
        bot.DefaultRequestHeaders.Add("X-Bot-Key", CvetyApi.BotKey);
        var mine = await (await bot.GetAsync("/api/v1/orders/admin/by-telegram?telegram_user_id=7770001&shop_id=17008")).Json();
        (mine.GetProperty("role").GetString(), mine.GetProperty("orders").GetArrayLength()).Should().Be(("COURIER", 1));
        (await bot.GetAsync("/api/v1/orders/admin/by-telegram?telegram_user_id=999&shop_id=17008")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Api.Client().GetAsync("/api/v1/orders/admin/by-telegram?telegram_user_id=7770001&shop_id=17008")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Api.Client().GetAsync("/api/v1/orders/admin/by-telegram?telegram_user_id=7770001&shop_id=8")).StatusCode
            .Should().Be(HttpStatusCode.Forbidden, "shop 8 allows the keyless call, and nobody of shop 8 has this account");
    }
}
