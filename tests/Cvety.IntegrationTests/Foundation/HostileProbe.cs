using System.Net;
using System.Text;
using System.Text.Json;
using Cvety.Application.Search;
using Cvety.BitrixSimulator;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Cvety.IntegrationTests.Bitrix;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Foundation;

/// <summary>The holes a hostile probe found (issue 19): each test here failed before its fix.</summary>
public sealed class when_a_hostile_probe_tries_the_operations_routes(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task another_shops_dead_letter_is_neither_listed_nor_replayable()
    {
        var bitrix = await BitrixWorld.CreateAsync(Api);
        var world = await ShopWorld.CreateAsync(Api);
        var admin = Api.Client(world.Admin);
        Api.Bitrix.Mode = SimMode.Fail;
        var placed = await Api.Client(bitrix.Manager).PostJson("/api/v1/orders", new
        {
            customerName = "Айгуль", phone = "+77010000001", items = new[] { new { product_id = bitrix.Product, quantity = 1 } },
            delivery_address = "пр. Достык, 1", delivery_date = "2026-12-01",
        });
        var orderId = (await placed.Json()).GetProperty("id").GetGuid();

        // Out of retries, the create lands in the dead letters, named with its shop for the superadmin.
        JsonElement letter = default;
        (await Eventually.HoldsAsync(async () =>
        {
            var all = await (await admin.GetAsync("/api/v1/admin/dead-letters")).Json();
            letter = all.EnumerateArray().FirstOrDefault(d => d.GetProperty("message_type").GetString()!.Contains("CreateOrderInBitrix", StringComparison.OrdinalIgnoreCase));
            return letter.ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromSeconds(40))).Should().BeTrue();
        letter.GetProperty("shop_id").GetInt32().Should().Be(CvetyApi.BitrixShopId);
        var id = letter.GetProperty("id").GetGuid();
        Api.Bitrix.Mode = SimMode.Ok;
        var createsBefore = Api.Bitrix.CallsTo("/api/v2/orders/create/").Count;

        // A director of another shop: not listed, not replayable by id, and "replay all" replays none of it.
        var stranger = Api.Client(world.Director);
        (await (await stranger.GetAsync("/api/v1/admin/dead-letters")).Json()).EnumerateArray().Should().BeEmpty();
        (await stranger.PostJson("/api/v1/admin/dead-letters/replay", new { ids = new[] { id } })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var all = await (await stranger.PostJson("/api/v1/admin/dead-letters/replay", new { })).Json();
        all.GetProperty("replayed").GetInt32().Should().Be(0);
        (await Api.NothingPendingAsync(typeof(Cvety.Application.Bitrix.CreateOrderInBitrix))).Should().BeTrue();
        Api.Bitrix.CallsTo("/api/v2/orders/create/").Should().HaveCount(createsBefore, "nothing of another shop was sent again");

        // The superadmin replays it: the order reaches Bitrix.
        (await (await admin.PostJson("/api/v1/admin/dead-letters/replay", new { ids = new[] { id } })).Json()).GetProperty("replayed").GetInt32().Should().Be(1);
        (await Eventually.HoldsAsync(() => Task.FromResult(Api.Bitrix.CallsTo("/api/v2/orders/create/")
            .Any(c => c.Status == 200 && c.Body?["railway_order_id"]?.ToString() == orderId.ToString())))).Should().BeTrue();
    }

    [Fact]
    public async Task a_director_sees_their_own_shops_event_counts_only()
    {
        var world = await ShopWorld.CreateAsync(Api);
        await world.PlaceAsync(Api);
        await world.PlaceAsync(Api, token: world.OtherShopDirector, body: world.NewOrder(items: [new { product_id = world.OtherShopProduct, quantity = 1 }]));
        await world.PlaceAsync(Api, token: world.OtherShopDirector, body: world.NewOrder(items: [new { product_id = world.OtherShopProduct, quantity = 1 }]));

        var own = await (await Api.Client(world.Director).GetAsync("/api/v1/admin/projections")).Json();
        var everything = await (await Api.Client(world.Admin).GetAsync("/api/v1/admin/projections")).Json();

        own.GetProperty("shop_id").GetInt32().Should().Be(17008);
        own.GetProperty("progress").EnumerateArray().Should().BeEmpty();
        own.GetProperty("high_water_mark").ValueKind.Should().Be(JsonValueKind.Null);
        everything.GetProperty("shop_id").ValueKind.Should().Be(JsonValueKind.Null);
        everything.GetProperty("event_count").GetInt64().Should().BeGreaterThan(own.GetProperty("event_count").GetInt64());
        // The two stores' product streams and orders: the director's count leaves out the other shop's two orders.
        everything.GetProperty("stream_count").GetInt64().Should().BeGreaterThanOrEqualTo(own.GetProperty("stream_count").GetInt64() + 2);
    }
}

public sealed class when_a_hostile_probe_sends_text_no_field_may_hold(CvetyApi api) : ApiTest(api)
{
    private const string Nul = "\\u0000";

    /// <summary>Every kind of stored text, by route: the body holds a NUL character in the field named.</summary>
    public static TheoryData<string, string, string, string, string> Bodies => new()
    {
        // who, method, url, body, the field the 422 names
        { "manager", "POST", "/api/v1/orders", $$"""{"customerName":"A{{Nul}}","phone":"+77010000001","items":[{"product_id":1,"quantity":1}],"delivery_address":"x","delivery_date":"2026-12-01"}""", "customerName" },
        { "anonymous", "POST", "/api/v1/orders/public/create?shop_id=17008", $$"""{"customerName":"A","phone":"+77010000001","items":[{"product_id":1,"quantity":1,"special_requests":"x{{Nul}}"}],"delivery_address":"x","delivery_date":"2026-12-01"}""", "items[0].special_requests" },
        { "manager", "POST", "/api/v1/orders/00000000-0000-0000-0000-000000000001/notes", $$"""{"text":"{{Nul}}"}""", "text" },
        { "manager", "POST", "/api/v1/orders/00000000-0000-0000-0000-000000000001/cancel", $$"""{"reason":"a{{Nul}}b"}""", "reason" },
        { "manager", "POST", "/api/v1/products", $$"""{"name":"Роза{{Nul}}","price":100,"type":"flowers"}""", "name" },
        { "manager", "POST", "/api/v1/warehouse", $$"""{"name":"Роза{{Nul}}","cost_price":1,"retail_price":1}""", "name" },
        { "admin", "POST", "/api/v1/shops", $$"""{"id":99,"name":"{{Nul}}","city":"Астана"}""", "name" },
        { "admin", "POST", "/api/v1/shops/17008/users", $$"""{"name":"x","phone":"+77019999999","password":"p{{Nul}}assword","role":"FLORIST"}""", "password" },
        { "anonymous", "PUT", "/api/v1/orders/by-tracking/123456789", $$"""{"recipient_name":"{{Nul}}"}""", "recipient_name" },
        { "anonymous", "POST", "/api/v1/auth/login", $$"""{"phone":"+77010000001{{Nul}}","password":"x"}""", "phone" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task a_nul_in_a_body_is_a_422_naming_the_field_and_the_next_50_requests_succeed(string who, string method, string url, string body, string field)
    {
        var world = await ShopWorld.CreateAsync(Api);
        var client = Api.Client(who switch { "manager" => world.Manager, "admin" => world.Admin, _ => null });
        var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        (await response.Json()).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
        await ValidRequestsSucceedAsync(world);
    }

    [Theory]
    [InlineData("/api/v1/products?shop_id=17008&search=роза%00", "search")]
    [InlineData("/api/v1/products?shop_id=17008&type=%00", "type")]
    [InlineData("/api/v1/products?shop_id=17008&city=%00", "city")]
    [InlineData("/api/v1/products?shop_id=17008&tags=a%00", "tags")]
    [InlineData("/api/v1/products/search/suggestions?shop_id=17008&q=ро%00", "q")]
    [InlineData("/api/v1/orders?search=%00", "search")]
    public async Task a_nul_in_a_query_parameter_is_a_422_naming_it(string url, string parameter)
    {
        var world = await ShopWorld.CreateAsync(Api);
        var response = await Api.Client(url.StartsWith("/api/v1/orders", StringComparison.Ordinal) ? world.Manager : null).GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Json()).GetProperty("errors").TryGetProperty(parameter, out _).Should().BeTrue();
        await ValidRequestsSucceedAsync(world);
    }

    /// <summary>
    /// Fifty valid requests that reach the database, more than the pool has connections, so that every pooled
    /// connection is used after the refused one.
    /// </summary>
    private async Task ValidRequestsSucceedAsync(ShopWorld world)
    {
        var client = Api.Client(world.Manager);
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => i % 2 == 0
            ? client.GetAsync("/api/v1/orders?search=роза")
            : Api.Client().GetAsync("/api/v1/products?shop_id=17008&search=букет")));
        answers.Select(a => a.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_command_the_database_refuses_leaves_every_pooled_connection_usable()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var store = Api.Services.GetRequiredService<IDocumentStore>();
        // Straight to the database, past the HTTP guard, on as many connections at once as the pool holds: text that
        // PostgreSQL refuses (a NUL) in the pipelined search batch that used to answer 500.
        await Task.WhenAll(Enumerable.Range(0, CvetyApi.PoolSize).Select(async _ =>
        {
            await using var session = store.QuerySession("17008");
            var search = () => ProductSearch.FindAsync(session, new ProductFilter(Search: "роза\0 букет"), CancellationToken.None);
            await search.Should().ThrowAsync<PostgresException>();
        }));
        await ValidRequestsSucceedAsync(world);
    }

    public static TheoryData<string, string> WebhookBodies(string secret) => new()
    {
        { "lone surrogate", """{"event":"order.create","token":"SECRET","order_id":1,"status":"AP","data":{"ID":"1","NAME":"\ud800"},"product_data":{"id":1,"name":"\ud800"},"event_type":"product.updated","notes":"\ud800"}""".Replace("SECRET", secret) },
        { "duplicate keys", """{"event":"order.create","token":"SECRET","order_id":1,"order_id":2,"status":"AP","data":{"ID":"1","ID":"2"},"event_type":"product.updated","product_data":{"id":1}}""".Replace("SECRET", secret) },
    };

    [Theory]
    [InlineData("/api/v1/webhooks/order-status-sync")]
    [InlineData("/api/v1/webhooks/product-sync")]
    [InlineData("/webhooks/bitrix/order")]
    [InlineData("/api/v1/webhooks/bitrix/order")]
    public async Task the_bitrix_routes_answer_hostile_json_with_a_4xx_problem(string route)
    {
        var cases = WebhookBodies(CvetyApi.BitrixWebhookSecret).Select(c => ((string)c[0], (string)c[1])).ToList();
        cases.Add(("basket entry not an object", """{"event":"order.create","token":"SECRET","data":{"ID":"5","basket":[1,"x",null]}}""".Replace("SECRET", CvetyApi.BitrixWebhookSecret)));
        foreach (var (kind, body) in cases)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Webhook-Secret", CvetyApi.BitrixWebhookSecret);
            var response = await Api.Client().SendAsync(request);
            // The basket only means something to the order routes; the others answer it as they answer any body.
            if (kind == "basket entry not an object" && !route.Contains("bitrix/order", StringComparison.Ordinal)) { ((int)response.StatusCode).Should().BeLessThan(500); continue; }
            ((int)response.StatusCode).Should().BeInRange(400, 499, $"{kind} on {route}: {await response.Content.ReadAsStringAsync()}");
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", kind);
        }
    }

    [Fact]
    public async Task an_empty_recipient_phone_from_the_tracking_page_leaves_the_phone_unchanged()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var placed = await world.PlaceAsync(Api);
        var tracking = placed.GetProperty("tracking_id").GetString();

        var response = await Api.Client().PutAsync($"/api/v1/orders/by-tracking/{tracking}",
            new StringContent("""{"recipient_phone":"","recipient_name":"Анара Б."}""", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var order = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{placed.GetProperty("id").GetGuid()}")).Json();
        order.GetProperty("recipient_phone").GetString().Should().Be("+77020000002");
        order.GetProperty("recipient_name").GetString().Should().Be("Анара Б.");
    }
}
