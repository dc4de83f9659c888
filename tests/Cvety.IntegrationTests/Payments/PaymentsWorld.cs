using System.Net;
using System.Text.Json;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Payments;

/// <summary>Shops 31 and 32 (each with a staff chat) with a manager, a florist and a product each.</summary>
public sealed class PaymentsWorld
{
    public const int Shop = 31;
    public const int OtherShop = 32;
    public const long CustomerChat = 5_550_001;

    public required string Manager { get; init; }
    public required string Florist { get; init; }
    public required string OtherManager { get; init; }
    public required int Product { get; init; }

    public static async Task<PaymentsWorld> CreateAsync(CvetyApi api)
    {
        var admin = api.Client(await api.AdminTokenAsync());
        foreach (var shop in new[] { Shop, OtherShop })
            (await admin.PostJson("/api/v1/shops", new { id = shop, name = "Цветы " + shop, city = "Астана", delivery_fee = 150_000 })).EnsureSuccessStatusCode();
        async Task<string> Staff(int shop, string phone, string role)
        {
            (await admin.PostJson($"/api/v1/shops/{shop}/users", new { name = role, phone, password = "password-" + role, role })).StatusCode.Should().Be(HttpStatusCode.Created);
            return await api.LoginAsync(phone, "password-" + role);
        }
        var manager = await Staff(Shop, "+77010003101", "MANAGER");
        var product = await api.Client(manager).PostJson("/api/v1/products", new { name = "Букет Нежность", price = 1_500_000, type = "flowers" });
        return new PaymentsWorld
        {
            Manager = manager,
            Florist = await Staff(Shop, "+77010003102", "FLORIST"),
            OtherManager = await Staff(OtherShop, "+77010003201", "MANAGER"),
            Product = (await product.Json()).GetProperty("id").GetInt32(),
        };
    }

    /// <summary>1 x 15 000 ₸ + 1 500 ₸ delivery = 16 500 ₸.</summary>
    public const long Total = 1_650_000;

    public object NewOrder(string payment = "kaspi", long? telegramUserId = null) => new
    {
        customerName = "Айгуль",
        phone = "+77015211545",
        items = new[] { new { product_id = Product, quantity = 1 } },
        delivery_type = "delivery",
        delivery_address = "пр. Мангилик Ел, 55",
        delivery_date = "2026-12-01",
        delivery_cost = 150_000,
        payment_method = payment,
        telegram_user_id = telegramUserId,
    };

    public async Task<Guid> PlaceAsync(CvetyApi api, string payment = "kaspi")
    {
        var response = await api.Client(Manager).PostJson("/api/v1/orders", NewOrder(payment));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Json()).GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> OrderAsync(CvetyApi api, Guid id) => await (await api.Client(Manager).GetAsync($"/api/v1/orders/{id}")).Json();

    public async Task<List<JsonElement>> TimelineAsync(CvetyApi api, Guid id) =>
        (await (await api.Client(Manager).GetAsync($"/api/v1/orders/{id}/timeline")).Json()).EnumerateArray().ToList();
}
