using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Catalog;

public sealed class when_orders_use_stock(CvetyApi api) : ApiTest(api)
{
    private sealed record Setup(ShopWorld World, Guid Roses, Guid Ribbon, int Bouquet);

    /// <summary>A "15 roses" bouquet made of 15 roses and 1 ribbon; 100 roses and 10 ribbons in stock.</summary>
    private async Task<Setup> SetUpAsync()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var florist = Api.Client(world.Florist);
        var roses = await florist.AddItemAsync("Роза красная 60 см", 100, min: 20);
        var ribbon = await florist.AddItemAsync("Лента атласная", 10, min: 2);
        var bouquet = await Api.Client(world.Director).CreateProductAsync(new { name = "15 красных роз", price = 2_500_000, type = "flowers" });
        var composition = await Api.Client(world.Director).PutAsJsonAsync($"/api/v1/products/{bouquet}/composition",
            new { items = new object[] { new { item_id = roses, quantity = 15 }, new { item_id = ribbon, quantity = 1 } } });
        composition.StatusCode.Should().Be(HttpStatusCode.OK, await composition.Content.ReadAsStringAsync());
        return new Setup(world, roses, ribbon, bouquet);
    }

    private async Task<Guid> PlaceAsync(Setup s, int quantity = 1)
    {
        var order = await s.World.PlaceAsync(Api, body: s.World.NewOrder(items: [new { product_id = s.Bouquet, quantity }]));
        return order.GetProperty("id").GetGuid();
    }

    private async Task<bool> RosesAre(Setup s, int quantity, int reserved) =>
        await Eventually.HoldsAsync(async () =>
        {
            var item = await Api.Client(s.World.Florist).ItemAsync(s.Roses);
            return item.GetProperty("quantity").GetInt32() == quantity && item.GetProperty("reserved").GetInt32() == reserved;
        });

    [Fact]
    public async Task placing_reserves_cancelling_releases_and_assembling_sells()
    {
        var s = await SetUpAsync();

        var cancelled = await PlaceAsync(s);
        (await RosesAre(s, quantity: 100, reserved: 15)).Should().BeTrue();
        var item = await Api.Client(s.World.Florist).ItemAsync(s.Roses);
        item.GetProperty("available").GetInt32().Should().Be(85);

        (await Api.Client(s.World.Manager).PostJson($"/api/v1/orders/{cancelled}/cancel", new { reason = "Клиент передумал" })).EnsureSuccessStatusCode();
        (await RosesAre(s, quantity: 100, reserved: 0)).Should().BeTrue();

        var sold = await PlaceAsync(s);
        (await RosesAre(s, quantity: 100, reserved: 15)).Should().BeTrue();
        (await Api.Client(s.World.Florist).Status(sold, "accepted")).EnsureSuccessStatusCode();
        (await Api.Client(s.World.Florist).Status(sold, "assembled")).EnsureSuccessStatusCode();
        (await RosesAre(s, quantity: 85, reserved: 0)).Should().BeTrue();
        (await Eventually.HoldsAsync(async () => (await Api.Client(s.World.Florist).ItemAsync(s.Ribbon)).GetProperty("quantity").GetInt32() == 9)).Should().BeTrue();

        // Cancelling after assembly gives nothing back: the roses are in the bouquet.
        (await Api.SettledAsync(() => Api.Client(s.World.Manager).PostJson($"/api/v1/orders/{sold}/cancel", new { reason = "Не дозвонились" }))).EnsureSuccessStatusCode();
        (await RosesAre(s, quantity: 85, reserved: 0)).Should().BeTrue();

        var operations = await (await Api.Client(s.World.Florist).GetAsync($"/api/v1/warehouse/{s.Roses}/operations")).Json();
        var rows = operations.EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("operation").GetString()).Should().Equal("created", "delivery", "reservation", "release", "reservation", "sale");
        var sale = rows[^1];
        sale.GetProperty("quantity_change").GetInt32().Should().Be(-15);
        sale.GetProperty("balance_after").GetInt32().Should().Be(85);
        sale.GetProperty("order_id").GetGuid().Should().Be(sold);
    }

    [Fact]
    public async Task the_preview_says_what_the_stock_covers()
    {
        var s = await SetUpAsync();
        async Task<JsonElement> Preview(int quantity) =>
            await (await Api.Client().PostJson("/api/v1/orders/public/preview?shop_id=17008", new { items = new[] { new { product_id = s.Bouquet, quantity } } })).Json();

        var six = await Preview(6);
        six.GetProperty("available").GetBoolean().Should().BeTrue();
        six.GetProperty("subtotal").GetInt64().Should().Be(15_000_000);
        six.GetProperty("total").GetInt64().Should().Be(15_000_000 + 150_000);
        six.GetProperty("warnings").GetArrayLength().Should().Be(0);

        var seven = await Preview(7);
        seven.GetProperty("available").GetBoolean().Should().BeFalse();
        seven.GetProperty("items")[0].GetProperty("max_quantity").GetInt32().Should().Be(6);
        seven.GetProperty("warnings")[0].GetString().Should().Contain("в наличии только 6");

        // A placed order holds its roses: what is left covers fewer.
        await PlaceAsync(s, quantity: 2);
        (await RosesAre(s, quantity: 100, reserved: 30)).Should().BeTrue();
        var availability = await (await Api.Client().GetAsync($"/api/v1/products/{s.Bouquet}/availability?shop_id=17008")).Json();
        availability.GetProperty("max_quantity").GetInt32().Should().Be(4);

        (await Api.Client().PostJson("/api/v1/orders/public/preview?shop_id=17008", new { items = Array.Empty<object>() })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var unknown = await (await Api.Client().PostJson("/api/v1/orders/public/preview?shop_id=17008", new { items = new[] { new { product_id = s.World.OtherShopProduct, quantity = 1 } } })).Json();
        unknown.GetProperty("available").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task the_staff_forms_of_the_basket_check_agree_with_the_stock_and_the_summary_counts_it()
    {
        var s = await SetUpAsync();
        var manager = Api.Client(s.World.Manager);
        foreach (var route in new[] { "/api/v1/orders/preview", "/api/v1/orders/check-availability", "/api/v1/inventory/validate-order-items" })
        {
            var seven = await (await manager.PostJson(route, new { items = new[] { new { product_id = s.Bouquet, quantity = 7 } } })).Json();
            seven.GetProperty("available").GetBoolean().Should().BeFalse(route);
            seven.GetProperty("items")[0].GetProperty("max_quantity").GetInt32().Should().Be(6, route);
            var six = await manager.PostJson(route, new[] { new { product_id = s.Bouquet, quantity = 6 } });
            six.StatusCode.Should().Be(HttpStatusCode.OK, route + " takes a bare array too");
            (await six.Json()).GetProperty("available").GetBoolean().Should().BeTrue(route);
            (await Api.Client().PostJson(route, new { items = new[] { new { product_id = s.Bouquet, quantity = 1 } } })).StatusCode.Should().Be(HttpStatusCode.Unauthorized, route);
            var elsewhere = await (await Api.Client(s.World.OtherShopDirector).PostJson(route, new { items = new[] { new { product_id = s.Bouquet, quantity = 1 } } })).Json();
            elsewhere.GetProperty("available").GetBoolean().Should().BeFalse(route + ": another shop's product is not for sale here");
        }

        await PlaceAsync(s, quantity: 2);
        (await RosesAre(s, quantity: 100, reserved: 30)).Should().BeTrue();
        var summary = await (await Api.Client(s.World.Florist).GetAsync("/api/v1/inventory/summary")).Json();
        summary.GetProperty("items").GetInt32().Should().Be(2);
        summary.GetProperty("units").GetInt64().Should().Be(110);
        summary.GetProperty("cost_value").GetInt64().Should().Be(110 * 30_000L);
        summary.GetProperty("reserved").GetInt32().Should().Be(32, "30 roses and 2 ribbons held for the order");
        (await (await Api.Client(s.World.OtherShopDirector).GetAsync("/api/v1/inventory/summary")).Json()).GetProperty("items").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task an_item_photo_is_set_and_taken_off_and_another_shop_cannot_touch_it()
    {
        var s = await SetUpAsync();
        var florist = Api.Client(s.World.Florist);
        var set = await florist.PostAsync($"/api/v1/warehouse/{s.Roses}/photo", Orders.OrderPhotos.Form(Orders.OrderPhotos.Png));
        set.StatusCode.Should().Be(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        var url = (await set.Json()).GetProperty("url").GetString();
        url.Should().NotBeNullOrEmpty();
        (await florist.ItemAsync(s.Roses)).GetProperty("image").GetString().Should().Be(url);

        (await Api.Client(s.World.OtherShopDirector).PostAsync($"/api/v1/warehouse/{s.Roses}/photo", Orders.OrderPhotos.Form(Orders.OrderPhotos.Png))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Api.Client(s.World.OtherShopDirector).DeleteAsync($"/api/v1/warehouse/{s.Roses}/photo")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await florist.PostAsync($"/api/v1/warehouse/{s.Roses}/photo", Orders.OrderPhotos.Form("не картинка"u8.ToArray()))).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        (await florist.DeleteAsync($"/api/v1/warehouse/{s.Roses}/photo")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await florist.ItemAsync(s.Roses)).GetProperty("image").ValueKind.Should().Be(JsonValueKind.Null);
        var history = await (await florist.GetAsync($"/api/v1/warehouse/{s.Roses}/operations")).Json();
        history.EnumerateArray().Count(r => r.GetProperty("operation").GetString() == "photo").Should().Be(2, "both changes are in the item's history");
    }

    [Fact]
    public async Task stock_never_goes_below_zero_and_low_items_are_listed()
    {
        var s = await SetUpAsync();
        var florist = Api.Client(s.World.Florist);
        var tooMuch = await florist.PostJson($"/api/v1/warehouse/{s.Ribbon}/operations", new { operation = "writeoff", quantity = 11, reason = "Порвалась" });
        tooMuch.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await florist.PostJson($"/api/v1/warehouse/{s.Ribbon}/operations", new { operation = "writeoff", quantity = 9, reason = "Порвалась" })).EnsureSuccessStatusCode();
        (await florist.PostJson($"/api/v1/warehouse/{s.Ribbon}/operations", new { operation = "writeoff", quantity = 1 })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await florist.PostJson($"/api/v1/warehouse/{s.Roses}/operations", new { operation = "inventory", quantity = 90 })).EnsureSuccessStatusCode();
        (await florist.PostJson($"/api/v1/warehouse/{s.Roses}/operations", new { operation = "delivery", quantity = 50, cost_price = 35_000 })).EnsureSuccessStatusCode();

        var roses = await florist.ItemAsync(s.Roses);
        roses.GetProperty("quantity").GetInt32().Should().Be(140);
        roses.GetProperty("cost_price").GetInt64().Should().Be(35_000);

        var low = await (await florist.GetAsync("/api/v1/warehouse/low-stock")).Json();
        low.EnumerateArray().Select(i => i.GetProperty("name").GetString()).Should().Equal("Лента атласная");

        // Another shop sees none of it and cannot touch it.
        var other = Api.Client(s.World.OtherShopDirector);
        (await other.GetAsync($"/api/v1/warehouse/{s.Roses}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.PostJson($"/api/v1/warehouse/{s.Roses}/operations", new { operation = "delivery", quantity = 5 })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await other.GetAsync("/api/v1/warehouse")).Json()).GetArrayLength().Should().Be(0);
        var foreign = await other.PutAsJsonAsync($"/api/v1/products/{s.World.OtherShopProduct}/composition", new { items = new[] { new { item_id = s.Roses, quantity = 1 } } });
        foreign.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Api.Client(s.World.Courier).PostJson($"/api/v1/warehouse/{s.Roses}/operations", new { operation = "delivery", quantity = 5 })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
