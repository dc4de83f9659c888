using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cvety.Application.Bitrix;
using Cvety.Domain.Shops;
using Cvety.IntegrationTests.Bitrix;
using Cvety.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Cvety.IntegrationTests.Catalog;

public sealed class when_products_are_synced_with_bitrix(CvetyApi api) : ApiTest(api)
{
    private async Task<JsonElement[]> CatalogAsync(string token) =>
        (await (await Api.Client(token).GetAsync("/api/v1/products/admin")).Json()).EnumerateArray().OrderBy(p => p.GetProperty("price").GetInt64()).ToArray();

    private async Task<HttpResponseMessage> ProductWebhook(object body, string? secret = CvetyApi.BitrixWebhookSecretPlaceholder)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/product-sync") { Content = JsonContent(body) };
        if (secret is not null) request.Headers.Add("X-Webhook-Secret", secret == CvetyApi.BitrixWebhookSecretPlaceholder ? CvetyApi.BitrixWebhookSecret : secret);
        return await Api.Client().SendAsync(request);
    }

    private static StringContent JsonContent(object body) =>
        new(body is string s ? s : JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private static long? BitrixIdOf(JsonElement p) => p.TryGetProperty("bitrix_id", out var b) && b.ValueKind == JsonValueKind.Number ? b.GetInt64() : null;

    [Fact]
    public async Task importing_the_sample_page_creates_both_products_once()
    {
        var world = await BitrixWorld.CreateAsync(Api);
        Api.Bitrix.SetProducts(CatalogRequests.SampleProducts());

        var first = await Api.Client(world.Manager).PostAsync("/api/v1/products/import", null);
        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var result = await first.Json();
        result.GetProperty("created").GetInt32().Should().Be(2);

        var catalog = (await CatalogAsync(world.Manager)).Where(p => p.TryGetProperty("bitrix_id", out var b) && b.ValueKind == JsonValueKind.Number).ToArray();
        catalog.Should().HaveCount(2);
        var eustoma = catalog[0];
        eustoma.GetProperty("name").GetString().Should().Be("Эустомы в пачке");
        eustoma.GetProperty("price").GetInt64().Should().Be(750_000);
        eustoma.GetProperty("enabled").GetBoolean().Should().BeTrue();
        eustoma.GetProperty("height").GetInt32().Should().Be(65);
        eustoma.GetProperty("width").GetInt32().Should().Be(40);
        eustoma.GetProperty("bitrix_id").GetInt64().Should().Be(697695);
        eustoma.GetProperty("image").GetString().Should().Be("https://cvety.kz/upload/iblock/a1/eustoma.jpeg");
        eustoma.GetProperty("images").GetArrayLength().Should().Be(2);
        var premium = catalog[1];
        premium.GetProperty("name").GetString().Should().Be("Букет Премиум");
        premium.GetProperty("price").GetInt64().Should().Be(1_782_000);
        premium.GetProperty("enabled").GetBoolean().Should().BeFalse();
        premium.GetProperty("type").GetString().Should().Be("vitrina");

        var versions = catalog.Select(p => p.GetProperty("version").GetInt64()).ToArray();
        var again = await (await Api.SettledAsync(() => Api.Client(world.Manager).PostAsync("/api/v1/products/import", null))).Json();
        again.GetProperty("created").GetInt32().Should().Be(0);
        again.GetProperty("updated").GetInt32().Should().Be(0);
        again.GetProperty("unchanged").GetInt32().Should().Be(2);
        var after = (await CatalogAsync(world.Manager)).Where(p => p.TryGetProperty("bitrix_id", out var b) && b.ValueKind == JsonValueKind.Number).ToArray();
        after.Select(p => p.GetProperty("version").GetInt64()).Should().Equal(versions);

        // Nothing that came from Bitrix goes back to it.
        Api.Bitrix.ProductUpdates.Should().BeEmpty();
    }

    [Fact]
    public async Task the_import_reads_every_page_and_only_the_bitrix_shop_may_run_it()
    {
        var world = await BitrixWorld.CreateAsync(Api);
        var many = Enumerable.Range(1, 230).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = 800_000 + i, ["title"] = $"Букет №{i}", ["price"] = $"{10 + i} 000 ₸", ["isAvailable"] = true, ["type"] = "catalog", ["image"] = null,
        }).ToList();
        Api.Bitrix.SetProducts(many);
        var result = await (await Api.Client(world.Manager).PostAsync("/api/v1/products/import", null)).Json();
        result.GetProperty("created").GetInt32().Should().Be(230);
        result.GetProperty("pages").GetInt32().Should().Be(3);

        var shops = await ShopWorld.CreateAsync(Api);
        var elsewhere = await Api.Client(shops.Director).PostAsync("/api/v1/products/import", null);
        elsewhere.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Api.Client(world.Florist).PostAsync("/api/v1/products/import", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task the_webhook_creates_updates_and_soft_deletes()
    {
        var world = await BitrixWorld.CreateAsync(Api);
        var product = CatalogRequests.SampleProducts()[0]!.AsObject();

        var created = await (await ProductWebhook(new { event_type = "product.created", product_data = product })).Json();
        created.GetProperty("status").GetString().Should().Be("success");
        created.GetProperty("action").GetString().Should().Be("created");
        var id = created.GetProperty("product_id").GetInt32();

        // The same delivery again: the same answer, nothing new.
        var repeat = await (await ProductWebhook(new { event_type = "product.created", product_data = product })).Json();
        repeat.GetProperty("product_id").GetInt32().Should().Be(id);

        product["price"] = "8 200 ₸";
        var updated = await (await ProductWebhook(new { event_type = "product.updated", product_data = product })).Json();
        updated.GetProperty("action").GetString().Should().Be("updated");
        (await (await Api.Client(world.Manager).GetAsync($"/api/v1/products/{id}")).Json()).GetProperty("price").GetInt64().Should().Be(820_000);

        var deleted = await (await Api.SettledAsync(() => ProductWebhook(new { event_type = "product.deleted", product_data = new { id = 697695 } }))).Json();
        deleted.GetProperty("action").GetString().Should().Be("deleted");
        var after = await (await Api.Client(world.Manager).GetAsync($"/api/v1/products/{id}")).Json();
        after.GetProperty("enabled").GetBoolean().Should().BeFalse();
        var history = await (await Api.Client(world.Manager).GetAsync($"/api/v1/products/{id}/history")).Json();
        history.EnumerateArray().Should().OnlyContain(e => e.GetProperty("source").GetString() == "bitrix");

        // Customers no longer see it; nothing of it was sent back to Bitrix.
        var publicCatalog = await (await Api.Client().GetAsync($"/api/v1/products?shop_id={CvetyApi.BitrixShopId}")).Json();
        publicCatalog.EnumerateArray().Should().NotContain(p => p.GetProperty("id").GetInt32() == id);
        Api.Bitrix.ProductUpdates.Should().BeEmpty();
    }

    [Fact]
    public async Task bad_product_webhooks_are_4xx_and_change_nothing()
    {
        await BitrixWorld.CreateAsync(Api);
        (await ProductWebhook(new { event_type = "product.created", product_data = new { title = "Без id" } })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProductWebhook(new { event_type = "product.created" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProductWebhook(new { event_type = "product.created", product_data = new { id = 5 } }, secret: "wrong")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ProductWebhook(new { event_type = "product.created", product_data = new { id = 5 } }, secret: null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ProductWebhook(new { event_type = "product.created", product_data = new { id = 5, title = "Цена?", price = "дорого" } })).StatusCode
            .Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProductWebhook("{not json")).StatusCode.Should().BeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity);
        var unknown = await (await ProductWebhook(new { event_type = "product.renamed", product_data = new { id = 5 } })).Json();
        unknown.GetProperty("action").GetString().Should().Be("skipped");
        var catalog = await (await Api.Client(await Api.AdminTokenAsync()).GetAsync($"/api/v1/products?shop_id={CvetyApi.BitrixShopId}")).Json();
        catalog.EnumerateArray().Where(p => BitrixIdOf(p) is not null).Should().BeEmpty();
    }

    [Fact]
    public async Task a_staff_edit_reaches_bitrix_once_and_a_bitrix_change_never()
    {
        var world = await BitrixWorld.CreateAsync(Api);
        Api.Bitrix.SetProducts(CatalogRequests.SampleProducts());
        await Api.Client(world.Manager).PostAsync("/api/v1/products/import", null);
        var eustoma = (await CatalogAsync(world.Manager)).Single(p => BitrixIdOf(p) == 697695);
        var id = eustoma.GetProperty("id").GetInt32();

        var edit = await Api.SettledAsync(() => Api.Client(world.Manager).PutAsJsonAsync($"/api/v1/products/{id}", new { name = "Эустомы в пачке", price = 800_000, type = "catalog", description = "Свежие эустомы" }));
        edit.StatusCode.Should().Be(HttpStatusCode.OK, await edit.Content.ReadAsStringAsync());

        var calls = Api.Bitrix.ProductUpdates;
        calls.Should().ContainSingle();
        calls[0].Path.Should().Be("/api/v2/products/update-from-railway/697695");
        calls[0].Body!["price"]!.GetValue<string>().Should().Be("8 000 ₸");
        calls[0].Body!["title"]!.GetValue<string>().Should().Be("Эустомы в пачке");
        Api.Bitrix.Product(697695)!["price"]!.GetValue<string>().Should().Be("8 000 ₸");

        // Bitrix changes it back: applied here, not echoed.
        var product = CatalogRequests.SampleProducts()[0]!.AsObject();
        product["price"] = "7 900 ₸";
        (await (await Api.SettledAsync(() => ProductWebhook(new { event_type = "product.updated", product_data = product }))).Json()).GetProperty("action").GetString().Should().Be("updated");
        Api.Bitrix.ProductUpdates.Should().ContainSingle();
        (await (await Api.Client(world.Manager).GetAsync($"/api/v1/products/{id}")).Json()).GetProperty("price").GetInt64().Should().Be(790_000);
    }

    [Fact]
    public async Task a_bitrix_order_of_an_imported_product_names_our_product_and_reserves_its_stock()
    {
        var world = await BitrixWorld.CreateAsync(Api);
        var sample = CatalogRequests.SampleProducts()[0]!.AsObject();
        sample["id"] = 696613;
        Api.Bitrix.SetProducts([sample]);
        await Api.Client(world.Manager).PostAsync("/api/v1/products/import", null);
        var product = (await CatalogAsync(world.Manager)).Single(p => BitrixIdOf(p) == 696613).GetProperty("id").GetInt32();
        var stems = await Api.Client(world.Florist).AddItemAsync("Эустома", 50);
        (await Api.Client(world.Manager).PutAsJsonAsync($"/api/v1/products/{product}/composition", new { items = new[] { new { item_id = stems, quantity = 7 } } })).EnsureSuccessStatusCode();

        var created = await Api.Client().PostAsJsonAsync("/webhooks/bitrix/order", BitrixWorld.Sample("bitrix-order-create.json"));
        created.StatusCode.Should().Be(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var order = (await world.OrdersAsync(Api))[0];
        order.GetProperty("items")[0].GetProperty("product_id").GetInt32().Should().Be(product);
        (await Eventually.HoldsAsync(async () => (await Api.Client(world.Florist).ItemAsync(stems)).GetProperty("reserved").GetInt32() == 7)).Should().BeTrue();
    }

    [Fact]
    public async Task the_schedule_outlives_a_bitrix_that_is_down_longer_than_its_retries()
    {
        await BitrixWorld.CreateAsync(Api);
        Api.Bitrix.SetProducts(CatalogRequests.SampleProducts());
        Api.Bitrix.Mode = Cvety.BitrixSimulator.SimMode.Fail;
        await using (var scope = Api.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMessageBus>()
                .PublishAsync(new EnsureProductImportSchedule(), new DeliveryOptions { TenantId = Shop.TenantIdFor(CvetyApi.BitrixShopId) });

        // Seven failed reads: more than a Bitrix call's first try and its four retries in the tests, after which the dead
        // letters would have ended the chain.
        bool Read(Cvety.BitrixSimulator.SimCall c, int status) => c.Path.StartsWith("/api/v2/products?", StringComparison.Ordinal) && c.Status == status;
        (await Eventually.HoldsAsync(() => Task.FromResult(Api.Bitrix.Calls.Count(c => Read(c, 503)) >= 7), TimeSpan.FromSeconds(40))).Should().BeTrue();
        Api.Bitrix.Mode = Cvety.BitrixSimulator.SimMode.Ok;
        var back = DateTimeOffset.UtcNow;
        (await Eventually.HoldsAsync(() => Task.FromResult(Api.Bitrix.Calls.Any(c => Read(c, 200) && c.At > back)), TimeSpan.FromSeconds(20)))
            .Should().BeTrue("a failed run is followed by the next one, however long Bitrix was away");
    }

    [Fact]
    public async Task the_durable_schedule_imports_on_its_own()
    {
        await BitrixWorld.CreateAsync(Api);
        Api.Bitrix.SetProducts(CatalogRequests.SampleProducts());
        await using var scope = Api.Services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var tenant = new DeliveryOptions { TenantId = Shop.TenantIdFor(CvetyApi.BitrixShopId) };
        await bus.PublishAsync(new EnsureProductImportSchedule(), tenant);
        // A second start while the chain is alive does not start a second chain.
        await bus.PublishAsync(new EnsureProductImportSchedule(), tenant);

        var admin = await Api.AdminTokenAsync();
        (await Eventually.HoldsAsync(async () =>
        {
            var catalog = await (await Api.Client(admin).GetAsync($"/api/v1/products?shop_id={CvetyApi.BitrixShopId}")).Json();
            return catalog.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "Эустомы в пачке");
        })).Should().BeTrue();
        // The scheduled run records what it did, beside the chain's next run.
        await using (var query = Api.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession(Shop.TenantIdFor(CvetyApi.BitrixShopId)))
        {
            var record = await query.LoadAsync<ProductImport>(ProductImport.Key);
            record!.LastResult.Should().NotBeNull();
            record.LastResult!.Seen.Should().Be(2);
            record.NextRunAt.Should().NotBeNull();
        }

        // Interval 2 s in the tests: within 7 s more the chain runs about three times, not six.
        var before = Api.Bitrix.Calls.Count(c => c.Path.StartsWith("/api/v2/products?", StringComparison.Ordinal));
        await Task.Delay(7000);
        var runs = Api.Bitrix.Calls.Count(c => c.Path.StartsWith("/api/v2/products?", StringComparison.Ordinal)) - before;
        runs.Should().BeInRange(2, 4);
    }
}
