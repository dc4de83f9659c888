using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cvety.Application.Orders;
using Cvety.IntegrationTests.Infrastructure;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cvety.IntegrationTests.Orders;

public sealed class when_operators_rebuild_the_read_models(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task rebuilt_projections_equal_the_live_ones()
    {
        var world = await ShopWorld.CreateAsync(Api);
        for (var i = 0; i < 3; i++)
        {
            var id = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
            await Api.Client(world.Manager).Status(id, "accepted");
            await Api.Client(world.Manager).Patch($"/api/v1/orders/{id}/assign-responsible", new { user_id = world.FloristId });
            if (i == 1) await Api.Client(world.Manager).PostJson($"/api/v1/orders/{id}/cancel", new { reason = "тест" });
        }
        await world.PlaceAsync(Api, token: world.OtherShopDirector, body: world.NewOrder(items: [new { product_id = world.OtherShopProduct, quantity = 3 }]));
        // Client cards: from orders, from staff (with a note), and from the bot on top of orders.
        var staffMade = (await (await Api.Client(world.Manager).PostJson("/api/v1/clients/", new { phone = "+77075550001", name = "Гульнара", tags = new[] { "VIP" } })).Json()).GetProperty("id").GetGuid();
        await Api.Client(world.Manager).PutAsJsonAsync($"/api/v1/clients/{staffMade}/notes", new { notes = "Только белые розы" });
        var bot = Api.Client();
        bot.DefaultRequestHeaders.Add("X-Bot-Key", CvetyApi.BotKey);
        (await bot.PostJson("/api/v1/telegram/client/register", new { telegram_user_id = 5551234, phone = "+77010000001", customer_name = "Айгуль", shop_id = 17008 })).EnsureSuccessStatusCode();

        var store = Api.Services.GetRequiredService<IDocumentStore>();
        var before = await SnapshotAsync(store);
        before.Should().HaveCount(8 + 3, "eight order documents and three client cards (two shops' Айгуль and Гульнара)");

        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<OrderDetailsProjection>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<OrderHistoryProjection>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<Cvety.Application.Clients.ClientCardProjection>(CancellationToken.None);

        var after = await SnapshotAsync(store);
        after.Should().Equal(before);
    }

    [Fact]
    public async Task directors_see_projection_status_and_florists_do_not()
    {
        var world = await ShopWorld.CreateAsync(Api);
        await world.PlaceAsync(Api);
        var status = await Api.Client(world.Director).GetAsync("/api/v1/admin/projections");
        status.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await status.Json();
        body.GetProperty("event_count").GetInt64().Should().BeGreaterThan(0);
        body.GetProperty("projections").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().Contain(["OrderDetails", "OrderHistory"]);
        (await Api.Client(world.Florist).GetAsync("/api/v1/admin/projections")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task public_orders_are_rate_limited_per_client()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var configuration = Api.Services.GetRequiredService<IConfiguration>();
        var before = configuration["Cvety:RateLimits:PublicOrdersPerMinute"];
        configuration["Cvety:RateLimits:PublicOrdersPerMinute"] = "2";
        var codes = new List<HttpStatusCode>();
        try
        {
            for (var i = 0; i < 3; i++)
                codes.Add((await Api.Client().PostJson("/api/v1/orders/public/create?shop_id=17008", world.NewOrder())).StatusCode);
        }
        finally
        {
            configuration["Cvety:RateLimits:PublicOrdersPerMinute"] = before;
        }
        codes.Should().Equal(HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task photo_searches_and_previews_have_their_own_limit_apart_from_orders()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var configuration = Api.Services.GetRequiredService<IConfiguration>();
        var before = configuration["Cvety:RateLimits:PublicBrowsingPerMinute"];
        configuration["Cvety:RateLimits:PublicBrowsingPerMinute"] = "2";
        var codes = new List<HttpStatusCode>();
        try
        {
            var preview = new { items = new[] { new { product_id = world.Bouquet, quantity = 1 } } };
            for (var i = 0; i < 3; i++)
                codes.Add((await Api.Client().PostJson("/api/v1/orders/public/preview?shop_id=17008", preview)).StatusCode);
            // Browsing used up its limit; placing an order is counted apart.
            codes.Add((await Api.Client().PostJson("/api/v1/orders/public/create?shop_id=17008", world.NewOrder())).StatusCode);
        }
        finally
        {
            configuration["Cvety:RateLimits:PublicBrowsingPerMinute"] = before;
        }
        codes.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.Created);
    }

    /// <summary>Every order read model of every shop, as stored JSON, in a stable order.</summary>
    private static async Task<List<string>> SnapshotAsync(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var details = await session.Query<OrderDetails>().Where(x => x.AnyTenant()).OrderBy(x => x.Id).ToListAsync();
        var histories = await session.Query<OrderHistory>().Where(x => x.AnyTenant()).OrderBy(x => x.Id).ToListAsync();
        var cards = await session.Query<Cvety.Application.Clients.ClientCard>().Where(x => x.AnyTenant()).OrderBy(x => x.Id).ToListAsync();
        return details.Select(d => JsonSerializer.Serialize(d)).Concat(histories.Select(h => JsonSerializer.Serialize(h)))
            .Concat(cards.Select(c => JsonSerializer.Serialize(c))).ToList();
    }
}
