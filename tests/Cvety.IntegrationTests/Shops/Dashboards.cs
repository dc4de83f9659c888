using System.Net;
using System.Net.Http.Json;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Shops;

public sealed class when_staff_and_customers_look_at_the_dashboards(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task the_order_dashboard_counts_today_by_status_with_revenue_and_late_orders()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var first = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        var second = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        (await Api.Client(world.Manager).PostJson($"/api/v1/orders/{second}/cancel", new { reason = "дубль" })).EnsureSuccessStatusCode();
        // ShopWorld's orders are for 2026-12-01; two days later they are late.
        Api.Clock.Freeze(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.FromHours(5)));
        var answer = await Api.Client(world.Director).GetAsync("/api/v1/orders/stats/dashboard");
        answer.StatusCode.Should().Be(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        var dashboard = await answer.Json();
        var month = dashboard.GetProperty("month");
        (month.GetProperty("orders").GetInt32(), month.GetProperty("revenue").GetInt64()).Should().Be((2, 3_432_000));
        month.GetProperty("by_status").GetProperty("cancelled").GetInt32().Should().Be(1);
        (dashboard.GetProperty("late").GetInt32(), dashboard.GetProperty("late_order_ids")[0].GetGuid()).Should().Be((1, first));
        (await (await Api.Client(world.OtherShopDirector).GetAsync("/api/v1/orders/stats/dashboard")).Json()).GetProperty("month").GetProperty("orders").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task the_product_summary_and_the_catalog_filters()
    {
        var world = await ShopWorld.CreateAsync(Api);
        (await Api.Client(world.Manager).PutAsJsonAsync($"/api/v1/products/{world.Roses}", new { colors = new[] { "красный" }, occasions = new[] { "день рождения" }, is_featured = true }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.Client(world.Manager).PatchAsync($"/api/v1/products/{world.Bouquet}/status?enabled=false", null)).EnsureSuccessStatusCode();
        var summary = await (await Api.Client(world.Manager).GetAsync("/api/v1/products/stats/summary")).Json();
        (summary.GetProperty("enabled").GetInt32(), summary.GetProperty("disabled").GetInt32(), summary.GetProperty("featured").GetInt32()).Should().Be((1, 1, 1));

        var filters = await (await Api.Client().GetAsync("/api/v1/products/filters?shop_id=17008")).Json();
        filters.GetProperty("colors").EnumerateArray().Select(c => c.GetString()).Should().Equal("красный");
        filters.GetProperty("price_range").GetProperty("min").GetInt64().Should().Be(1_782_000, "disabled products are not on sale");
        (await (await Api.Client().GetAsync("/api/v1/colors?shop_id=17008")).Json())[0].GetString().Should().Be("красный");
    }

    [Fact]
    public async Task the_marketplace_showcases_span_active_shops_only()
    {
        var world = await ShopWorld.CreateAsync(Api);
        (await Api.Client(world.Manager).PutAsJsonAsync($"/api/v1/products/{world.Roses}", new { is_featured = true })).EnsureSuccessStatusCode();
        (await Api.Client(world.OtherShopDirector).PutAsJsonAsync($"/api/v1/products/{world.OtherShopProduct}", new { is_featured = true })).EnsureSuccessStatusCode();
        await world.PlaceAsync(Api);

        var featured = await (await Api.Client().GetAsync("/api/v1/products/public/featured")).Json();
        featured.EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).Should().BeEquivalentTo([world.Roses, world.OtherShopProduct]);
        var best = await (await Api.Client().GetAsync("/api/v1/products/public/bestsellers")).Json();
        best[0].GetProperty("id").GetInt32().Should().Be(world.Bouquet, "two bouquets sold, one bunch of roses");

        (await Api.Client(world.Admin).PutAsync("/api/v1/superadmin/shops/8/block", null)).EnsureSuccessStatusCode();
        (await (await Api.Client().GetAsync("/api/v1/products/public/featured")).Json()).EnumerateArray().Select(p => p.GetProperty("id").GetInt32())
            .Should().Equal(world.Roses);
        var home = await (await Api.Client().GetAsync("/api/v1/products/home?shop_id=17008")).Json();
        home.GetProperty("featured")[0].GetProperty("id").GetInt32().Should().Be(world.Roses);
        home.GetProperty("bestsellers")[0].GetProperty("id").GetInt32().Should().Be(world.Bouquet);
    }
}
