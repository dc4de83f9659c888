using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cvety.IntegrationTests.Infrastructure;

/// <summary>Shops 8 and 17008 with their staff and a small catalog, as the order tests need them.</summary>
public sealed class ShopWorld
{
    public required string Admin { get; init; }
    public required string Director { get; init; }
    public required string Manager { get; init; }
    public required string Florist { get; init; }
    public required Guid FloristId { get; init; }
    public required string Courier { get; init; }
    public required Guid CourierId { get; init; }
    public required string OtherShopDirector { get; init; }
    public required int Bouquet { get; init; }
    public required int Roses { get; init; }
    public required int OtherShopProduct { get; init; }

    public static async Task<ShopWorld> CreateAsync(CvetyApi api)
    {
        var admin = await api.AdminTokenAsync();
        var client = api.Client(admin);
        (await client.PostJson("/api/v1/shops", new { id = 8, name = "Development", city = "Астана" })).EnsureSuccessStatusCode();
        (await client.PostJson("/api/v1/shops", new { id = 17008, name = "Cvety.kz", city = "Астана", delivery_fee = 150_000 })).EnsureSuccessStatusCode();

        async Task<(string token, Guid id)> Staff(int shop, string phone, string role)
        {
            var created = await client.PostJson($"/api/v1/shops/{shop}/users", new { name = role + " " + phone[^2..], phone, password = "password-" + role, role });
            created.StatusCode.Should().Be(HttpStatusCode.Created);
            var id = (await created.Json()).GetProperty("id").GetGuid();
            return (await api.LoginAsync(phone, "password-" + role), id);
        }

        var director = await Staff(17008, "+77010000101", "DIRECTOR");
        var manager = await Staff(17008, "+77010000102", "MANAGER");
        var florist = await Staff(17008, "+77010000103", "FLORIST");
        var courier = await Staff(17008, "+77010000104", "COURIER");
        var other = await Staff(8, "+77010000801", "DIRECTOR");

        async Task<int> Product(string token, string name, long price)
        {
            var r = await api.Client(token).PostJson("/api/v1/products", new { name, price, type = "flowers" });
            r.StatusCode.Should().Be(HttpStatusCode.Created);
            return (await r.Json()).GetProperty("id").GetInt32();
        }

        return new ShopWorld
        {
            Admin = admin,
            Director = director.token,
            Manager = manager.token,
            Florist = florist.token,
            FloristId = florist.id,
            Courier = courier.token,
            CourierId = courier.id,
            OtherShopDirector = other.token,
            Bouquet = await Product(director.token, "Букет Стандарт", 750_000),
            Roses = await Product(director.token, "Розы 15 шт", 1_782_000),
            OtherShopProduct = await Product(other.token, "Чужой букет", 100),
        };
    }

    public object NewOrder(string payment = "cash", object[]? items = null, long? deliveryCost = 150_000) => new
    {
        customerName = "Айгуль",
        phone = "8 701 000 00 01",
        items = items ?? [new { product_id = Bouquet, quantity = 2 }, new { product_id = Roses, quantity = 1, special_requests = "без упаковки" }],
        delivery_type = "delivery",
        delivery_address = "пр. Достык, 123, кв. 45",
        delivery_date = "2026-12-01",
        scheduled_time = "14:00-16:00",
        delivery_cost = deliveryCost,
        recipient_name = "Анара",
        recipient_phone = "+77020000002",
        payment_method = payment,
        postcard_text = "С днём рождения!",
        // A client that sends its own prices and totals is ignored.
        total = 1,
        product_price = 1,
    };

    public async Task<JsonElement> PlaceAsync(CvetyApi api, string? token = null, object? body = null)
    {
        var response = await api.Client(token ?? Manager).PostJson("/api/v1/orders", body ?? NewOrder());
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Json();
    }
}

public static class OrderRequests
{
    public static async Task<HttpResponseMessage> Status(this HttpClient client, Guid order, string status, string? notes = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/orders/{order}/status") { Content = JsonContent.Create(new { status, notes }) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> Patch(this HttpClient client, string url, object body) =>
        await client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) });
}
