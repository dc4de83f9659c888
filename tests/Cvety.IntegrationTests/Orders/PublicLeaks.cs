using System.Net;
using System.Text;
using System.Text.Json;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Orders;

/// <summary>
/// What a caller without the tracking id, or staff of another shop, may learn: an order's number leads to its status
/// and masked phones only (never the tracking id, which lets its holder change the order), and a product off sale is
/// "not found" or "unavailable", never described.
/// </summary>
public sealed class when_strangers_probe_the_public_routes(CvetyApi api) : ApiTest(api)
{
    private const string SecretName = "Тайный букет Zq7";
    private const string SecretDescription = "описание, которого никто не видит";

    private sealed record Probe(ShopWorld World, Guid OrderId, string Number, string TrackingId, int Disabled);

    private async Task<Probe> ArrangeAsync()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var placed = await world.PlaceAsync(Api);
        var created = await Api.Client(world.Director).PostJson("/api/v1/products", new { name = SecretName, description = SecretDescription, price = 4_321_000, type = "flowers" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var disabled = (await created.Json()).GetProperty("id").GetInt32();
        (await Api.Client(world.Director).Patch($"/api/v1/products/{disabled}/status", new { enabled = false, reason = "снят с продажи" })).StatusCode.Should().Be(HttpStatusCode.OK);
        return new Probe(world, placed.GetProperty("id").GetGuid(), placed.GetProperty("order_number").GetString()!,
            placed.GetProperty("tracking_id").GetString()!, disabled);
    }

    private IEnumerable<(string Who, HttpClient Client)> Strangers(Probe probe) =>
        [("anonymous", Api.Client()), ("another shop's director", Api.Client(probe.World.OtherShopDirector))];

    [Fact]
    public async Task an_order_number_gives_its_status_and_masked_phones_but_never_the_tracking_id()
    {
        var probe = await ArrangeAsync();
        foreach (var (who, client) in Strangers(probe))
        {
            var response = await client.GetAsync($"/api/v1/orders/by-number/{Uri.EscapeDataString(probe.Number)}/status?shop_id=17008");
            response.StatusCode.Should().Be(HttpStatusCode.OK, who);
            var text = await response.Content.ReadAsStringAsync();
            text.Should().NotContain(probe.TrackingId, who).And.NotContain(probe.OrderId.ToString(), who)
                .And.NotContain("Айгуль", who).And.NotContain("Анара", who).And.NotContain("Достык", who).And.NotContain("Букет", who);
            var view = await response.Json();
            view.GetProperty("order_number").GetString().Should().Be(probe.Number);
            view.GetProperty("status").GetString().Should().NotBeNullOrEmpty();
            view.GetProperty("recipient").GetProperty("phone").GetString().Should().Be("+770*****002");
            view.GetProperty("sender").GetProperty("phone").GetString().Should().Be("+770*****001");
        }
        // The next number, which does not exist yet, is simply not found.
        (await Api.Client().GetAsync("/api/v1/orders/by-number/99999/status?shop_id=17008")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_disabled_product_is_not_found_for_customers_and_other_shops_but_its_own_staff_see_it()
    {
        var probe = await ArrangeAsync();
        foreach (var url in new[] { $"/api/v1/products/{probe.Disabled}", $"/api/v1/products/{probe.Disabled}?shop_id=17008" })
        foreach (var (who, client) in Strangers(probe))
        {
            var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, $"{who} {url}");
            (await response.Content.ReadAsStringAsync()).Should().NotContain(SecretName).And.NotContain(SecretDescription);
        }

        var own = await (await Api.Client(probe.World.Manager).GetAsync($"/api/v1/products/{probe.Disabled}")).Json();
        (own.GetProperty("name").GetString(), own.GetProperty("enabled").GetBoolean()).Should().Be((SecretName, false));
    }

    [Fact]
    public async Task a_basket_with_a_disabled_product_is_told_it_is_unavailable_without_describing_it()
    {
        var probe = await ArrangeAsync();
        foreach (var (who, client) in Strangers(probe))
        foreach (var body in new object[]
                 {
                     new { items = new[] { new { product_id = probe.Disabled, quantity = 1 }, new { product_id = probe.World.Bouquet, quantity = 1 } } },
                     new[] { new { product_id = probe.Disabled, quantity = 1 } },
                 })
        {
            var response = await client.PostJson("/api/v1/orders/public/preview?shop_id=17008", body);
            response.StatusCode.Should().Be(HttpStatusCode.OK, who);
            var text = await response.Content.ReadAsStringAsync();
            text.Should().NotContain(SecretName, who).And.NotContain("4321000", who);
            var preview = await response.Json();
            preview.GetProperty("available").GetBoolean().Should().BeFalse();
            var line = preview.GetProperty("items")[0];
            (line.GetProperty("product_id").GetInt32(), line.GetProperty("available").GetBoolean()).Should().Be((probe.Disabled, false));
            preview.GetProperty("warnings")[0].GetString().Should().Contain("недоступен");
        }
    }

    /// <summary>
    /// Every route of the OpenAPI document, called anonymously and as another shop's director, with the order's number,
    /// the disabled product's id and name wherever a route takes an id, a number, a search or a basket: no answer holds
    /// the tracking id or the disabled product's text.
    /// </summary>
    [Fact]
    public async Task no_route_hands_a_stranger_the_tracking_id_or_a_disabled_product()
    {
        var probe = await ArrangeAsync();
        var document = await (await Api.Client().GetAsync("/openapi/v1.json")).Json();
        var query = $"shop_id=17008&product_id={probe.Disabled}&product_ids={probe.Disabled}&search={Uri.EscapeDataString(SecretName)}"
                    + $"&q={Uri.EscapeDataString(SecretName[..5])}&number={Uri.EscapeDataString(probe.Number)}&order_number={Uri.EscapeDataString(probe.Number)}";
        var basket = JsonSerializer.Serialize(new
        {
            items = new[] { new { product_id = probe.Disabled, quantity = 1 } }, product_id = probe.Disabled, order_number = probe.Number, shop_id = 17008,
        });
        var bareBasket = JsonSerializer.Serialize(new[] { new { product_id = probe.Disabled, quantity = 1 } });
        var leaks = new List<string>();
        var calls = 0;

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            if (path.Name == "/api/v1/auth/logout") continue;
            var method = new HttpMethod(operation.Name.ToUpperInvariant());
            var url = Fill(path.Name, operation.Value, probe) + "?" + query;
            foreach (var (who, client) in Strangers(probe))
            foreach (var body in method == HttpMethod.Get || method == HttpMethod.Delete ? new string?[] { null } : new string?[] { basket, bareBasket })
            {
                calls++;
                var request = new HttpRequestMessage(method, url);
                if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                foreach (var secret in new[] { probe.TrackingId, SecretName, SecretDescription })
                    if (text.Contains(secret, StringComparison.Ordinal))
                        leaks.Add($"{method} {url} as {who}: {(int)response.StatusCode} holds '{secret}'");
            }
        }

        calls.Should().BeGreaterThan(250);
        leaks.Should().BeEmpty();
    }

    /// <summary>Ints are the disabled product, numbers the order's, uuids the order's id; anything else matches nothing.</summary>
    private static string Fill(string template, JsonElement operation, Probe probe)
    {
        var url = template;
        if (operation.TryGetProperty("parameters", out var parameters))
            foreach (var p in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path"))
            {
                var name = p.GetProperty("name").GetString()!;
                var schema = p.TryGetProperty("schema", out var s) ? s : default;
                var type = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t) ? t.ToString() : "string";
                var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
                var value = name.Contains("number", StringComparison.OrdinalIgnoreCase) ? Uri.EscapeDataString(probe.Number)
                    : type.Contains("integer") ? probe.Disabled.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : format == "uuid" ? probe.OrderId.ToString()
                    : "123456789";
                url = url.Replace("{" + name + "}", value);
            }
        return url;
    }
}
