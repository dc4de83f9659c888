using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Bitrix;

/// <summary>The Bitrix shop (17009 in the tests, 17008 in production) with a manager and a product.</summary>
public sealed class BitrixWorld
{
    public required string Manager { get; init; }
    public required string Florist { get; init; }
    public required int Product { get; init; }

    /// <summary>The reference samples (copied from shared/reference/samples into the test project).</summary>
    public static string SamplesFolder => Path.Combine(AppContext.BaseDirectory, "Samples");

    /// <summary>A reference sample with the test's webhook secret in place of the placeholder token.</summary>
    public static JsonObject Sample(string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(SamplesFolder, name)))!.AsObject();
        json["token"] = CvetyApi.BitrixWebhookSecret;
        return json;
    }

    public static async Task<BitrixWorld> CreateAsync(CvetyApi api)
    {
        var admin = await api.AdminTokenAsync();
        var client = api.Client(admin);
        (await client.PostJson("/api/v1/shops", new { id = CvetyApi.BitrixShopId, name = "Cvety.kz (Bitrix)", city = "Астана" })).EnsureSuccessStatusCode();
        foreach (var (phone, role) in new[] { ("+77010000901", "MANAGER"), ("+77010000902", "FLORIST") })
            (await client.PostJson($"/api/v1/shops/{CvetyApi.BitrixShopId}/users", new { name = role, phone, password = "password-" + role, role })).EnsureSuccessStatusCode();
        var manager = await api.LoginAsync("+77010000901", "password-MANAGER");
        var product = await api.Client(manager).PostJson("/api/v1/products", new { name = "Букет Стандарт", price = 750_000, type = "flowers" });
        product.StatusCode.Should().Be(HttpStatusCode.Created);
        return new BitrixWorld
        {
            Manager = manager,
            Florist = await api.LoginAsync("+77010000902", "password-FLORIST"),
            Product = (await product.Json()).GetProperty("id").GetInt32(),
        };
    }

    public async Task<JsonElement> OrdersAsync(CvetyApi api) => await (await api.Client(Manager).GetAsync("/api/v1/orders?limit=200")).Json();
}
