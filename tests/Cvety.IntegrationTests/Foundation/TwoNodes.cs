using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Cvety.BitrixSimulator;
using Cvety.IntegrationTests.Catalog;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Foundation;

/// <summary>
/// Two real API processes over one PostgreSQL database, as Cvety runs past one machine: what must hold for the shop
/// (limits, the photo index, schedules, the outbox) holds for the cluster, and a node's death moves its work to the
/// survivor. One process killed and started again shows the same for a crash between Bitrix's answer and our commit.
/// </summary>
public sealed class when_two_nodes_serve_one_database(CvetyApi api, Xunit.Abstractions.ITestOutputHelper output) : ApiTest(api)
{
    private const string ManagerPhone = "+77010000901";
    private const string ManagerPassword = "password-MANAGER";

    [Fact]
    public async Task a_photo_added_through_one_node_is_found_through_the_other_within_seconds_and_a_disabled_product_leaves_both()
    {
        var environment = await EnvironmentAsync("photos");
        await using var a = ApiProcess.Start(environment);
        await using var b = ApiProcess.Start(environment);
        await Task.WhenAll(a.WaitHealthyAsync(), b.WaitHealthyAsync());
        var manager = await SetUpShopAsync(a);
        var product = await manager.CreateProductAsync(new { name = "Букет Весна", price = 1_500_000, type = "flowers" });

        var photo = Convert.ToBase64String(Bouquets.Photo(1, size: 300, quality: 60, shift: 0.01f));
        async Task<bool> FoundThrough(ApiProcess node)
        {
            var answer = await (await node.Client.PostJson("/api/v1/products/search/similar", new { image_base64 = photo, shop_id = 17009, limit = 3 })).Json();
            return answer.GetProperty("results").EnumerateArray().Any(r => r.GetProperty("id").GetInt32() == product);
        }

        var clock = Stopwatch.StartNew();
        (await manager.UploadImageAsync(product, Bouquets.Photo(1))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await Eventually.HoldsAsync(() => FoundThrough(b), TimeSpan.FromSeconds(20))).Should().BeTrue(b.Output);
        var found = clock.Elapsed;

        clock.Restart();
        (await manager.Patch($"/api/v1/products/{product}/status", new { enabled = false })).EnsureSuccessStatusCode();
        (await Eventually.HoldsAsync(async () => !await FoundThrough(a) && !await FoundThrough(b), TimeSpan.FromSeconds(20))).Should().BeTrue();
        var gone = clock.Elapsed;

        output.WriteLine($"Photo uploaded through A, found through B after {found.TotalSeconds:F2} s (embedding included); disabled through A, gone from both after {gone.TotalSeconds:F2} s.");
        found.Should().BeLessThan(TimeSpan.FromSeconds(5), "B hears of the new vector through LISTEN/NOTIFY, not the 30 s poll");
        gone.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task sign_in_failures_and_sign_ups_spread_over_two_nodes_count_once()
    {
        var environment = await EnvironmentAsync("limits");
        await using var a = ApiProcess.Start(environment);
        await using var b = ApiProcess.Start(environment);
        await Task.WhenAll(a.WaitHealthyAsync(), b.WaitHealthyAsync());
        await SetUpShopAsync(a);

        // Five failures for one phone (the default limit), three through A and two through B: the next try is refused on both, even with the right password.
        foreach (var node in new[] { a, a, a, b, b })
            (await node.Client.PostJson("/api/v1/auth/login", new { phone = ManagerPhone, password = "guess" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await a.Client.PostJson("/api/v1/auth/login", new { phone = ManagerPhone, password = ManagerPassword })).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await b.Client.PostJson("/api/v1/auth/login", new { phone = ManagerPhone, password = ManagerPassword })).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);

        // Five sign-ups per client and hour (the default), spread the same way.
        foreach (var node in new[] { a, b, a, b, a })
            (await node.Client.PostJson("/api/v1/auth/register", new { name = "", phone = "+77015550000", password = "x" })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await b.Client.PostJson("/api/v1/auth/register", new { name = "", phone = "+77015550000", password = "x" })).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task the_import_schedule_runs_once_and_a_killed_nodes_work_moves_to_the_survivor_within_15_seconds()
    {
        await using var bitrix = await BitrixSim.StartAsync(new BitrixSimOptions { ApiToken = CvetyApi.BitrixApiToken });
        bitrix.SetProducts(CatalogRequests.SampleProducts().Take(3).Select(p => p!.DeepClone()));
        var interval = TimeSpan.FromSeconds(4);
        var environment = await EnvironmentAsync("schedule", bitrix);
        environment["Cvety__Bitrix__ScheduleProductImport"] = "true";
        environment["Cvety__Bitrix__ProductImportInterval"] = interval.ToString();
        environment["Cvety__Bitrix__TimeoutSeconds"] = "120";

        await using var a = ApiProcess.Start(environment);
        await a.WaitHealthyAsync();
        var manager = await SetUpShopAsync(a);
        await using var b = ApiProcess.Start(environment);
        await b.WaitHealthyAsync();

        // With both up, the schedule runs once per interval, not once per node. A link delivered twice while the
        // durability agent moves between the nodes may read Bitrix twice (a rolled-back read); it commits once and the
        // chain does not fork (ADR 0026).
        var runsBefore = await CommittedRunsAsync(environment["ConnectionStrings__Marten"]!);
        await Task.Delay(TimeSpan.FromSeconds(20));
        var committed = await CommittedRunsAsync(environment["ConnectionStrings__Marten"]!) - runsBefore;
        var starts = RunStarts(bitrix);
        output.WriteLine($"Import runs with two nodes: {committed} committed in 20 s; reads of Bitrix began at {string.Join(", ", starts.Select(s => s.ToString("HH:mm:ss.f")))}");
        committed.Should().BeInRange(3, 6, "about one run per 4 s interval in 20 s");
        var links = starts.Where((s, i) => i == 0 || s - starts[i - 1] > TimeSpan.FromSeconds(1)).ToList();
        links.Zip(links.Skip(1), (x, y) => y - x).Should().OnlyContain(gap => gap > interval / 2, "one chain: the schedule never forks");

        // The node holding the durability agent dies with creates in its outbox (Bitrix hangs so they are still there).
        var holder = await DurabilityHolderAsync(environment["ConnectionStrings__Marten"]!, a, b);
        var survivor = holder == a ? b : a;
        var token = await LoginAsync(holder, ManagerPhone, ManagerPassword);
        var placed = new List<string>();
        bitrix.Mode = SimMode.Hang;
        for (var i = 0; i < 3; i++)
        {
            var response = await As(holder, token).PostJson("/api/v1/orders", new
            {
                customerName = "Айгуль", phone = "+77010000001", items = new[] { new { product_id = 1000, quantity = 1 } },
                delivery_address = "пр. Достык, 1", delivery_date = "2026-12-01",
            });
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            placed.Add((await response.Json()).GetProperty("id").GetString()!);
        }
        await Task.Delay(TimeSpan.FromSeconds(1));
        holder.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        bitrix.Mode = SimMode.Ok;

        bool AllDelivered() => placed.All(id => bitrix.CallsTo("/api/v2/orders/create/").Any(c => c.Status == 200 && c.Body?["railway_order_id"]?.ToString() == id));
        (await Eventually.HoldsAsync(() => Task.FromResult(AllDelivered() && RunStarts(bitrix).Any(s => s > killedAt)), TimeSpan.FromSeconds(60)))
            .Should().BeTrue(survivor.Output);
        output.WriteLine($"The survivor delivered the dead node's {placed.Count} creates and ran the schedule {clock.Elapsed.TotalSeconds:F1} s after the kill.");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15));
        foreach (var id in placed)
            bitrix.CallsTo("/api/v2/orders/create/").Count(c => c.Status == 200 && c.Body?["railway_order_id"]?.ToString() == id).Should().Be(1);
    }

    [Fact]
    public async Task a_create_whose_answer_a_crash_cut_off_is_sent_again_with_the_same_key_and_bitrix_keeps_one_order()
    {
        await using var bitrix = await BitrixSim.StartAsync(new BitrixSimOptions { ApiToken = CvetyApi.BitrixApiToken });
        var environment = await EnvironmentAsync("answerlost", bitrix);
        environment["Cvety__Bitrix__TimeoutSeconds"] = "120";
        string order;
        // Bitrix records the order, then its answer never arrives: the process dies between Bitrix's work and the outbox's completion.
        bitrix.Mode = SimMode.AnswerLost;
        await using (var first = ApiProcess.Start(environment))
        {
            await first.WaitHealthyAsync();
            var manager = await SetUpShopAsync(first);
            var response = await manager.PostJson("/api/v1/orders", new
            {
                customerName = "Айгуль", phone = "+77010000001", items = new[] { new { product_id = 1000, quantity = 1 } },
                delivery_address = "пр. Достык, 1", delivery_date = "2026-12-01",
            });
            response.StatusCode.Should().Be(HttpStatusCode.Created);
            order = (await response.Json()).GetProperty("id").GetString()!;
            (await Eventually.HoldsAsync(() => Task.FromResult(bitrix.OrderCount == 1), TimeSpan.FromSeconds(20))).Should().BeTrue(first.Output);
            first.Kill();
        }
        bitrix.Mode = SimMode.Ok;

        await using var second = ApiProcess.Start(environment);
        await second.WaitHealthyAsync();
        var again = As(second, await LoginAsync(second, ManagerPhone, ManagerPassword));
        string? linked = null;
        (await Eventually.HoldsAsync(async () =>
        {
            var details = await (await again.GetAsync($"/api/v1/orders/{order}")).Json();
            linked = details.TryGetProperty("bitrix_order_id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.Number ? id.GetRawText() : null;
            return linked is not null;
        }, TimeSpan.FromSeconds(30))).Should().BeTrue(second.Output);

        var creates = bitrix.CallsTo("/api/v2/orders/create/").Where(c => c.Body?["railway_order_id"]?.ToString() == order).ToList();
        creates.Should().HaveCountGreaterThanOrEqualTo(2, "the create was sent again after the restart");
        bitrix.OrderCount.Should().Be(1, "Bitrix recognised the same railway_order_id and answered duplicate");
        output.WriteLine($"Sent {creates.Count} times, Bitrix holds {bitrix.OrderCount} order, linked to Bitrix order {linked}.");
    }

    /// <summary>The imports that committed, as the shop's import record counts them.</summary>
    private static async Task<long> CommittedRunsAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select data from cvety.mt_doc_productimport where tenant_id = '17009'", connection);
        if (await command.ExecuteScalarAsync() is not string json) return 0;
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().FirstOrDefault(p => p.Name.Equals("runs", StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: System.Text.Json.JsonValueKind.Number } runs ? runs.GetInt64() : 0;
    }

    /// <summary>The start of each import run: its first page request.</summary>
    private static List<DateTimeOffset> RunStarts(BitrixSim bitrix) =>
        [.. bitrix.Calls.Where(c => c.Path.StartsWith("/api/v2/products?", StringComparison.Ordinal) && c.Path.Contains("offset=0", StringComparison.Ordinal) && c.Status == 200)
            .Select(c => c.At).Order()];

    /// <summary>Which process runs Wolverine's durability agent for the database (read from Wolverine's node tables).</summary>
    private static async Task<ApiProcess> DurabilityHolderAsync(string connectionString, ApiProcess a, ApiProcess b)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<List<(Guid Node, DateTime Started)>> Nodes()
        {
            await using var command = new Npgsql.NpgsqlCommand("select id, started from cvety.wolverine_nodes order by started", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var nodes = new List<(Guid, DateTime)>();
            while (await reader.ReadAsync()) nodes.Add((reader.GetGuid(0), reader.GetDateTime(1)));
            return nodes;
        }
        Guid? holder = null;
        (await Eventually.HoldsAsync(async () =>
        {
            await using var command = new Npgsql.NpgsqlCommand("select node_id from cvety.wolverine_node_assignments where id like 'wolverinedb://%'", connection);
            holder = await command.ExecuteScalarAsync() as Guid?;
            return holder is not null && (await Nodes()).Count == 2;
        }, TimeSpan.FromSeconds(20))).Should().BeTrue("the cluster assigns the durability agent");
        // A started first, B after it was healthy: the nodes' start order names the processes.
        var nodes = await Nodes();
        return nodes[0].Node == holder ? a : b;
    }

    private async Task<Dictionary<string, string?>> EnvironmentAsync(string name, BitrixSim? bitrix = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Marten"] = await Api.Database.CreateDatabaseAsync(name),
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Cvety__Bootstrap__AdminPhone"] = CvetyApi.AdminPhone,
            ["Cvety__Bootstrap__AdminPassword"] = CvetyApi.AdminPassword,
            // One cluster: the same token key and the same image storage on both nodes.
            ["Cvety__Jwt__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["Cvety__Storage__LocalPath"] = Path.Combine(Path.GetTempPath(), "cvety-nodes-media-" + Guid.NewGuid().ToString("N")[..8]),
            ["Cvety__RateLimits__PublicBrowsingPerMinute"] = "100000",
        };
        if (bitrix is not null)
        {
            environment["Cvety__Bitrix__BaseUrl"] = bitrix.BaseUrl;
            environment["Cvety__Bitrix__ApiToken"] = CvetyApi.BitrixApiToken;
            environment["Cvety__Bitrix__ShopId"] = "17009";
            environment["Cvety__Bitrix__ScheduleProductImport"] = "false";
        }
        return environment;
    }

    private static async Task<string> LoginAsync(ApiProcess host, string phone, string password)
    {
        var login = await host.Client.PostJson("/api/v1/auth/login", new { phone, password });
        login.StatusCode.Should().Be(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        return (await login.Json()).GetProperty("access_token").GetString()!;
    }

    private static HttpClient As(ApiProcess host, string token) =>
        new() { BaseAddress = new Uri(host.BaseUrl), DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };

    /// <summary>Shop 17009 (the Bitrix shop when Bitrix is configured), a manager and product 1000.</summary>
    private static async Task<HttpClient> SetUpShopAsync(ApiProcess host)
    {
        var admin = As(host, await LoginAsync(host, CvetyApi.AdminPhone, CvetyApi.AdminPassword));
        (await admin.PostJson("/api/v1/shops", new { id = 17009, name = "Cvety.kz", city = "Астана" })).EnsureSuccessStatusCode();
        (await admin.PostJson("/api/v1/shops/17009/users", new { name = "Менеджер", phone = ManagerPhone, password = ManagerPassword, role = "MANAGER" })).EnsureSuccessStatusCode();
        var manager = As(host, await LoginAsync(host, ManagerPhone, ManagerPassword));
        (await manager.PostJson("/api/v1/products", new { name = "Букет", price = 750_000, type = "flowers" })).EnsureSuccessStatusCode();
        return manager;
    }
}
