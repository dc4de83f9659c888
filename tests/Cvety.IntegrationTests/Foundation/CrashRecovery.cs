using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Cvety.BitrixSimulator;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Foundation;

/// <summary>
/// kill -9 with outbound calls still in the outbox: the next host on the same database (a restart, or a second node)
/// delivers every acknowledged one, once, within seconds rather than minutes.
/// </summary>
public sealed class when_a_host_dies_with_messages_in_its_outbox(CvetyApi api, Xunit.Abstractions.ITestOutputHelper output) : ApiTest(api)
{
    private const int Orders = 6;

    [Fact]
    public async Task the_next_host_delivers_them_all_within_15_seconds()
    {
        await using var bitrix = await BitrixSim.StartAsync(new BitrixSimOptions { ApiToken = CvetyApi.BitrixApiToken });
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Marten"] = await Api.Database.CreateDatabaseAsync("crash"),
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Cvety__Bootstrap__AdminPhone"] = CvetyApi.AdminPhone,
            ["Cvety__Bootstrap__AdminPassword"] = CvetyApi.AdminPassword,
            ["Cvety__Bitrix__BaseUrl"] = bitrix.BaseUrl,
            ["Cvety__Bitrix__ApiToken"] = CvetyApi.BitrixApiToken,
            ["Cvety__Bitrix__ShopId"] = "17009",
            ["Cvety__Bitrix__ScheduleProductImport"] = "false",
            // Long enough that the creates are still waiting on Bitrix when the host dies.
            ["Cvety__Bitrix__TimeoutSeconds"] = "120",
        };
        var placed = new List<string>();
        bitrix.Mode = SimMode.Hang;
        await using (var first = ApiProcess.Start(environment))
        {
            await first.WaitHealthyAsync();
            var manager = await SetUpShopAsync(first);
            for (var i = 0; i < Orders; i++)
            {
                var response = await manager.PostJson("/api/v1/orders", new
                {
                    customerName = "Айгуль", phone = "+77010000001", items = new[] { new { product_id = 1000, quantity = 1 } },
                    delivery_address = "пр. Достык, 1", delivery_date = "2026-12-01",
                });
                response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
                placed.Add((await response.Json()).GetProperty("id").GetString()!);
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
            first.Kill();
        }
        bitrix.Mode = SimMode.Ok;

        var restart = Stopwatch.StartNew();
        await using var second = ApiProcess.Start(environment);
        bool AllDelivered() => placed.All(id => bitrix.CallsTo("/api/v2/orders/create/").Any(c => c.Status == 200 && c.Body?["railway_order_id"]?.ToString() == id));
        (await Eventually.HoldsAsync(() => Task.FromResult(AllDelivered()), TimeSpan.FromSeconds(60))).Should().BeTrue(second.Output);

        output.WriteLine($"All {Orders} creates delivered {restart.Elapsed.TotalSeconds:F1} s after the restart began.");
        restart.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), "the restarted host recovers the dead one's outbox within seconds");
        // Each reached Bitrix once after the restart (the calls cut off by the kill never got an answer).
        foreach (var id in placed)
            bitrix.CallsTo("/api/v2/orders/create/").Count(c => c.Status == 200 && c.Body?["railway_order_id"]?.ToString() == id).Should().Be(1);
    }

    private static async Task<HttpClient> SetUpShopAsync(ApiProcess host)
    {
        async Task<string> Login(string phone, string password)
        {
            var login = await host.Client.PostJson("/api/v1/auth/login", new { phone, password });
            login.EnsureSuccessStatusCode();
            return (await login.Json()).GetProperty("access_token").GetString()!;
        }
        HttpClient As(string token) => new() { BaseAddress = new Uri(host.BaseUrl), DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };

        var admin = As(await Login(CvetyApi.AdminPhone, CvetyApi.AdminPassword));
        (await admin.PostJson("/api/v1/shops", new { id = 17009, name = "Cvety.kz (Bitrix)", city = "Астана" })).EnsureSuccessStatusCode();
        (await admin.PostJson("/api/v1/shops/17009/users", new { name = "Менеджер", phone = "+77010000901", password = "password-MANAGER", role = "MANAGER" })).EnsureSuccessStatusCode();
        var manager = As(await Login("+77010000901", "password-MANAGER"));
        (await manager.PostJson("/api/v1/products", new { name = "Букет", price = 750_000, type = "flowers" })).EnsureSuccessStatusCode();
        return manager;
    }
}
