using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Cvety.Bench;
using Cvety.Infrastructure.Database;
using Cvety.Infrastructure.Development;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: Cvety.Bench --api <Cvety.Api.dll> --out <docs/benchmarks.md> [--quick] [--catalog-only | --board-only | --webhook-only [--rate N] | --writes-only] [--diagnose] [--profile] [--httpclient] [--pg-settings "<line>;<line>"]
// The default run measures each operation at 1 and 32 clients next to PostgreSQL's own limits. --diagnose adds the
// instruments for chasing a figure: where the CPU went (per process, kdamond, interrupts), a paced phase after the
// 32-sender status webhook, and the paced ceiling. --webhook-only measures the Bitrix status webhook
// alone and prints it (the report file is left as it is); --profile loads pg_stat_statements and prints what PostgreSQL
// ran per webhook call; --httpclient sends the webhook phases through HttpClient instead of BlockingHttp.
var arguments = new Dictionary<string, int>();
for (var i = 0; i < args.Length; i++) arguments[args[i]] = i; // the last one wins: run.sh's --out can be overridden
string Arg(string name) => args[arguments[name] + 1];
var apiDll = Arg("--api");
var output = Arg("--out");
var quick = arguments.ContainsKey("--quick");
var scale = quick ? 4 : 1;
var profile = arguments.ContainsKey("--profile");
var diagnose = arguments.ContainsKey("--diagnose") || profile;
// --rate <changes/s> paces the 32 senders (and PostgreSQL alone) at a fixed rate instead of 30% of the run's 1-client
// median, so that runs on a machine whose disk swings can be compared; only with --webhook-only, which writes no report.
double? fixedRate = arguments.ContainsKey("--rate") ? double.Parse(Arg("--rate"), CultureInfo.InvariantCulture) : null;

// --pg-settings "<line>;<line>" adds postgresql.conf lines to the throwaway cluster, after Cvety's own defaults
// (LocalPostgres.DefaultSettings), so that a setting can be compared: --pg-settings "shared_buffers = 128MB".
var pgSettings = arguments.ContainsKey("--pg-settings")
    ? Arg("--pg-settings").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    : [];
string[] clusterSettings = [.. profile ? ["shared_preload_libraries = 'pg_stat_statements'", "pg_stat_statements.track = all"] : Array.Empty<string>(), .. pgSettings];

var startedAt = DateTimeOffset.UtcNow;
Console.WriteLine("Starting a throwaway PostgreSQL cluster...");
await using var pg = await LocalPostgres.StartAsync(new LocalPostgresOptions
{
    DataDirectory = Path.Combine(Path.GetTempPath(), "cvety-bench-" + Guid.NewGuid().ToString("N")[..8]),
    Database = "cvety_bench",
    Throwaway = true,
    Settings = clusterSettings,
}, NullLogger.Instance);
var bin = PgBench.BinDirectory(LocalPostgres.FindBinaries(null));

Console.WriteLine("pgbench: single-row jsonb INSERT per transaction...");
var pgSeconds = quick ? 3 : 6;
var pg1 = await PgBench.InsertsPerSecondAsync(bin, pg.ConnectionString, 1, pgSeconds);
var pg1Samples = new List<double> { pg1 };
var pg8 = await PgBench.InsertsPerSecondAsync(bin, pg.ConnectionString, 8, pgSeconds);
var pg32 = await PgBench.InsertsPerSecondAsync(bin, pg.ConnectionString, 32, pgSeconds);
Console.WriteLine($"  1 client {pg1:F0}/s, 8 clients {pg8:F0}/s, 32 clients {pg32:F0}/s");

// The switch-over import: a generated legacy database of this many orders (100 000; --quick 10 000; --import-orders N).
var importOrders = arguments.ContainsKey("--import-orders") ? int.Parse(Arg("--import-orders"), CultureInfo.InvariantCulture) : quick ? 10_000 : 100_000;
if (arguments.ContainsKey("--import-only"))
{
    var only = await ImportBench.RunAsync(apiDll, pg.ConnectionString, importOrders);
    Console.WriteLine($"Import of {only.Orders} orders: {only.ImportSeconds:F1} s, {only.OrdersPerSecond:F0} orders/s; delta of {only.DeltaOrders} orders: {only.DeltaSeconds:F1} s; " +
        $"PostgreSQL alone COPYing the {only.RowsWritten} rows written: {only.CopySecondsMedian:F1} s ({only.CopyOrdersPerSecond:F0} orders/s); ratio {only.Ratio:P1}");
    return only.ExitCode == 0 && only.DeltaExitCode == 0 ? 0 : 1;
}

Console.WriteLine("Starting the API (Release, Production settings)...");
var webhookSecret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
await using var api = await ApiProcess.StartAsync(apiDll, pg.ConnectionString, new Dictionary<string, string>
{
    ["Cvety__Bitrix__WebhookSecret"] = webhookSecret,
    ["Cvety__Bitrix__ShopId"] = "17008",
});
var admin = await api.LoginAsync(ApiProcess.AdminPhone, ApiProcess.AdminPassword);
await api.SendAsync(HttpMethod.Post, "/api/v1/shops", admin, new { id = 17008, name = "Cvety.kz", city = "Астана" });
await api.SendAsync(HttpMethod.Post, "/api/v1/shops/17008/users", admin, new { name = "Менеджер", phone = "+77010000102", password = "bench-manager-1", role = "MANAGER" });
var manager = await api.LoginAsync("+77010000102", "bench-manager-1");
var product = (await api.SendAsync(HttpMethod.Post, "/api/v1/products", manager, new { name = "Букет Стандарт", price = 750_000, type = "flowers" })).GetProperty("id").GetInt32();

object NewOrder(int i) => new
{
    customerName = "Клиент " + i,
    phone = "+7701" + (1_000_000 + i % 9_000_000).ToString(CultureInfo.InvariantCulture),
    items = new[] { new { product_id = product, quantity = 1 + i % 3 } },
    delivery_address = "пр. Достык, " + i,
    delivery_date = "2026-12-01",
    payment_method = "cash",
};

async Task<bool> Ok(Func<Task<HttpResponseMessage>> send)
{
    using var response = await send();
    return response.IsSuccessStatusCode;
}

// A webhook answers 200 also when it skips; a real change must say so.
async Task<bool> Applied(Func<Task<HttpResponseMessage>> send)
{
    using var response = await send();
    return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains("\"status\":\"success\"", StringComparison.Ordinal);
}

HttpRequestMessage Request(HttpMethod method, string url, object? body)
{
    var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
    request.Headers.Authorization = new("Bearer", manager);
    return request;
}

// Warm up: the first call of each handler compiles Wolverine's generated code.
for (var i = 0; i < 20; i++)
{
    var warm = (await api.SendAsync(HttpMethod.Post, "/api/v1/orders", manager, NewOrder(i))).GetProperty("id").GetGuid();
    await api.SendAsync(HttpMethod.Patch, $"/api/v1/orders/{warm}/status", manager, new { status = "accepted" });
    await api.SendAsync(HttpMethod.Get, $"/api/v1/orders/{warm}/timeline", manager);
}

var results = new List<Result>();
var catalogOnly = arguments.ContainsKey("--catalog-only");
if (arguments.ContainsKey("--board-only"))
{
    var only = await BoardBench.RunAsync(api, pg.ConnectionString, admin, 500, 200);
    Console.WriteLine($"Board with {only.OpenOrders} open orders: p50 {only.P50Ms:F1} ms, p95 {only.P95Ms:F1} ms; PostgreSQL alone fetching them: p50 {only.SqlP50Ms:F1} ms, p95 {only.SqlP95Ms:F1} ms; ratio of medians {only.P50Ms / only.SqlP50Ms:F1}; failures {only.Failures}");
    return only.Failures > 0 ? 1 : 0;
}
var webhookOnly = arguments.ContainsKey("--webhook-only");
// --writes-only: the write phases of a full run (orders, status changes, the status webhook) and nothing after, printed:
// the webhook measured in the state a full run leaves it in, in a third of the time.
var writesOnly = arguments.ContainsKey("--writes-only");
if (fixedRate is not null && !webhookOnly) throw new ArgumentException("--rate is for comparing runs: use it with --webhook-only, which writes no report.");
var cpu = new List<(string Phase, CpuAccount.Use Use)>();
// Runs a measured phase into the results, and returns where the machine's CPU went during it.
async Task<CpuAccount.Use> Accounted(Func<Task<Result>> phase)
{
    var cpuBefore = CpuAccount.Take(api.ProcessId);
    results.Add(await phase());
    return CpuAccount.Between(cpuBefore, CpuAccount.Take(api.ProcessId), results[^1].Operations);
}

foreach (var concurrency in catalogOnly || webhookOnly ? [] : new[] { 1, 32 })
{
    Console.WriteLine($"Order placement, {concurrency} concurrent...");
    var placing = await Accounted(() => Measure.RunAsync("Place an order (POST /api/v1/orders)", concurrency, (concurrency == 1 ? 300 : 1500) / scale,
        i => Ok(() => api.Client.SendAsync(Request(HttpMethod.Post, "/api/v1/orders", NewOrder(i)))), TimeSpan.FromSeconds(60)));
    if (concurrency == 32 && diagnose) cpu.Add(("placing an order, 32 clients", placing));
}

foreach (var concurrency in catalogOnly || webhookOnly ? [] : new[] { 1, 32 })
{
    var count = (concurrency == 1 ? 300 : 1500) / scale;
    Console.WriteLine($"Preparing {count} orders for status changes...");
    var ids = new Guid[count];
    await Measure.RunAsync("prepare", 16, count, async i =>
    {
        ids[i] = (await api.SendAsync(HttpMethod.Post, "/api/v1/orders", manager, NewOrder(i))).GetProperty("id").GetGuid();
        return true;
    });
    await Background.DrainAsync(pg.ConnectionString);
    Console.WriteLine($"Status change, {concurrency} concurrent...");
    var changing = await Accounted(() => Measure.RunAsync("Change a status (PATCH /api/v1/orders/{id}/status)", concurrency, count,
        i => Ok(() => api.Client.SendAsync(Request(HttpMethod.Patch, $"/api/v1/orders/{ids[i]}/status", new { status = "accepted" }))), TimeSpan.FromSeconds(60)));
    if (concurrency == 32 && diagnose) cpu.Add(("a staff status change, 32 clients", changing));
}

// Bitrix's status webhook: orders that came from Bitrix, each moved one step by a delivery of its own.
var sample = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SamplesFolder(), "bitrix-order-create.json")))!.AsObject();
sample["token"] = webhookSecret;
var nextBitrixId = 500_000;
var httpClientSenders = arguments.ContainsKey("--httpclient");
using var senders = new BlockingHttp(api.Address);
MachineNoise.Reading? noise = null;

foreach (var concurrency in catalogOnly ? [] : new[] { 1, 32 })
{
    var count = (concurrency == 1 ? 300 : 1500) / scale;
    // The 32-sender code paths are warmed at that load first (not reported): in a phase started cold the JIT was still
    // recompiling hot methods and took about a sixth of the CPU (perf, session 5), so a cold phase measures how soon a
    // build reaches its steady state.
    var warm = concurrency == 32 ? 2000 / scale : 0;
    var paced = concurrency == 32 && diagnose ? 6000 / scale : 0;
    var firstId = nextBitrixId;
    nextBitrixId += warm + count + paced;
    Console.WriteLine($"Preparing {warm + count + paced} Bitrix orders for the status webhook...");
    await Measure.RunAsync("prepare", 16, warm + count + paced, async i =>
    {
        var create = sample.DeepClone().AsObject();
        create["data"]!["ID"] = (firstId + i).ToString(CultureInfo.InvariantCulture);
        using var response = await api.Client.PostAsync("/webhooks/bitrix/order", JsonContent.Create(create));
        return response.IsSuccessStatusCode;
    });

    HttpRequestMessage StatusSync(int i)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/order-status-sync")
        {
            Content = JsonContent.Create(StatusBody(i)),
        };
        request.Headers.Add("X-Webhook-Secret", webhookSecret);
        return request;
    }

    object StatusBody(int i) => new { order_id = firstId + i, status = "AP", changed_by_id = 15 };

    // Each delivery from a sender with its own connection and thread (BlockingHttp), unless --httpclient asks for the
    // shared HttpClient's async path, which costs the machine more CPU per call (docs/decisions/0009).
    Task<bool> Delivered(int i, bool applied)
    {
        if (httpClientSenders) return applied ? Applied(() => api.Client.SendAsync(StatusSync(i))) : Ok(() => api.Client.SendAsync(StatusSync(i)));
        var (status, body) = senders.Post("/api/v1/webhooks/order-status-sync", $"X-Webhook-Secret: {webhookSecret}\r\n",
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(StatusBody(i)));
        return Task.FromResult(status == 200 && (!applied || body.Contains("\"status\":\"success\"", StringComparison.Ordinal)));
    }

    if (warm > 0)
    {
        Console.WriteLine($"Status webhook, {concurrency} concurrent senders, warming up with {warm} changes...");
        await Measure.RunAsync("warm-up", concurrency, warm, i => Delivered(i, applied: true), blocking: !httpClientSenders);
        firstId += warm;
    }
    await Background.DrainAsync(pg.ConnectionString);
    // PostgreSQL's 1-client rate swings with the disk's flush latency from minute to minute here, so it is measured
    // again right before and right after the phase that is compared with it.
    if (concurrency == 32) pg1Samples.Add(await PgBench.InsertsPerSecondAsync(bin, pg.ConnectionString, 1, Math.Max(2, pgSeconds / 2)));
    Console.WriteLine($"Status webhook, {concurrency} concurrent senders...");
    if (concurrency == 32 && profile) await Profile.ResetAsync(pg.ConnectionString);
    var closed = await Accounted(() => Measure.RunAsync("Bitrix status webhook, a real change (POST /api/v1/webhooks/order-status-sync)", concurrency, count,
        i => Delivered(i, applied: true), TimeSpan.FromSeconds(60), blocking: !httpClientSenders));
    if (concurrency == 1 && diagnose) cpu.Add(("status webhook, 1 sender", closed));
    if (concurrency == 32 && diagnose)
    {
        cpu.Add(("status webhook, 32 senders", closed));
        noise = new MachineNoise.Reading(results[^1].Seconds, closed.KdamondMs * closed.Operations, MachineNoise.SampleIntervalMs());
    }
    if (concurrency == 32 && profile) await Profile.PrintAsync(pg.ConnectionString, results[^1].Operations);
    results.Add(await Measure.RunAsync("Bitrix status webhook, the same delivery again (deduplicated)", concurrency, count,
        i => Delivered(i, applied: false), TimeSpan.FromSeconds(60), blocking: !httpClientSenders));
    if (concurrency == 32) pg1Samples.Add(await PgBench.InsertsPerSecondAsync(bin, pg.ConnectionString, 1, Math.Max(2, pgSeconds / 2)));
    if (paced > 0)
    {
        // The same 32 senders asked for exactly the target's rate (30% of the median of the three 1-client samples,
        // so the rate is final), not for all they can get: the latency of a change at that load, without the queue a
        // closed loop at full speed builds in front of itself. Latency counts from each call's scheduled time.
        firstId += count;
        var offered = fixedRate ?? TargetShare * PgBench.Median(pg1Samples);
        Console.WriteLine($"Status webhook, {concurrency} concurrent senders paced at {offered:F0} changes/s...");
        await Background.DrainAsync(pg.ConnectionString);
        cpu.Add(($"status webhook paced at {offered:F0}/s", await Accounted(() => Measure.PacedAsync($"Bitrix status webhook, a real change, paced at {offered:F0}/s (the target's rate)",
            concurrency, offered, paced, i => Delivered(i, applied: true), blocking: !httpClientSenders))));
    }
}
pg1 = PgBench.Median(pg1Samples);

// PostgreSQL alone doing the SQL of a status change and of placing an order, at 32 clients: the ceilings those two
// operations have on this machine. With --diagnose, also the status change paced at the webhook's old target rate.
var ceiling = catalogOnly ? [] : new List<SqlCeiling.Result>
{
    await SqlCeiling.MeasureAsync(SqlCeiling.StatusChange, bin, pg.ConnectionString, 32, pgSeconds),
    await SqlCeiling.MeasureAsync(SqlCeiling.PlaceOrder, bin, pg.ConnectionString, 32, pgSeconds),
};
if (diagnose && !catalogOnly) ceiling.Add(await SqlCeiling.MeasureAsync(SqlCeiling.StatusChange, bin, pg.ConnectionString, 32, pgSeconds, fixedRate ?? TargetShare * pg1));

if (webhookOnly || writesOnly)
{
    Console.WriteLine($"pgbench 1 client: {string.Join(", ", pg1Samples.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)))}/s, median {pg1:F0}/s");
    foreach (var c in ceiling) Console.WriteLine($"PostgreSQL alone, the SQL of {c.Name}, {c.Clients} clients{(c.PacedAt is { } at ? $" paced at {at:F0}/s" : "")}: {c.PerSecond:F0}/s, {c.LatencyMs:F1} ms each (p99 {c.P99Ms:F1} ms)");
    if (noise is not null) Console.WriteLine($"kdamond during the 32-sender phase ({noise.Seconds:F1} s): {noise.KdamondCpuMs:F0} ms of CPU; DAMON sampling interval {noise.SampleIntervalMs?.ToString(CultureInfo.InvariantCulture) ?? "unknown"} ms");
    foreach (var (phase, use) in cpu)
        Console.WriteLine($"CPU per operation, {phase}: API {use.ApiMs:F2} ms, PostgreSQL {use.PostgresMs:F2} ms (upkeep {use.PostgresUpkeepMs:F2} ms), bench senders {use.BenchMs:F2} ms, kdamond {use.KdamondMs:F2} ms, other {use.OtherMs:F2} ms, idle {use.IdleMs:F2} ms; cores busy {use.Busy:P0}; interrupts per operation: {use.WakeIpis:F2} wake-ups on the other core, {use.CallIpis:F2} function calls");
    foreach (var r in results) Console.WriteLine($"{r.Name}, {r.Concurrency}: {r.PerSecond:F0}/s ({r.PerSecond / pg1:P0} of pgbench 1 client), p50 {r.P50Ms:F1} ms, p99 {r.P99Ms:F1} ms, failures {r.Failures}");
    return results.Any(r => r.Failures > 0) ? 1 : 0;
}

Console.WriteLine("Timeline of an order with 50 events...");
var busy = (await api.SendAsync(HttpMethod.Post, "/api/v1/orders", manager, NewOrder(0))).GetProperty("id").GetGuid();
for (var i = 0; i < 49; i++) await api.SendAsync(HttpMethod.Post, $"/api/v1/orders/{busy}/notes", manager, new { text = "Заметка " + i });
var events = (await api.SendAsync(HttpMethod.Get, $"/api/v1/orders/{busy}/timeline", manager)).GetArrayLength();
if (events != 50) throw new InvalidOperationException($"Expected 50 events, found {events}.");
results.Add(await Measure.RunAsync("Timeline of a 50-event order (GET /api/v1/orders/{id}/timeline)", 1, 1000 / scale,
    _ => Ok(() => api.Client.SendAsync(Request(HttpMethod.Get, $"/api/v1/orders/{busy}/timeline", null)))));

// The reference samples, as copied into the test project (the bench runs from the repository root).
static string SamplesFolder() => Path.GetFullPath(Path.Combine("tests", "Cvety.IntegrationTests", "Samples"));

Console.WriteLine("Staff board with 500 open orders...");
var board = await BoardBench.RunAsync(api, pg.ConnectionString, admin, 500, quick ? 100 : 200);

var catalog = await CatalogBench.RunAsync(api, pg.ConnectionString, manager, 17008, quick ? 2_500 : 10_000);
var import = catalogOnly ? null : await ImportBench.RunAsync(apiDll, pg.ConnectionString, importOrders);
var elapsed = DateTimeOffset.UtcNow - startedAt;

var report = Report.Write(results, pg1Samples, pg8, pg32, ceiling, noise, cpu, quick, catalog, board, [.. LocalPostgres.DefaultSettings, .. clusterSettings], elapsed, import);
await File.WriteAllTextAsync(output, report);
Console.WriteLine(report);
return results.Concat(catalog.Results).Any(r => r.Failures > 0) || board.Failures > 0 || import is { ExitCode: not 0 } || import is { DeltaExitCode: not 0 } ? 1 : 0;

internal partial class Program
{
    /// <summary>The rate the --diagnose phases are paced at: this share of PostgreSQL's 1-client single-insert rate (the withdrawn webhook target).</summary>
    internal const double TargetShare = 0.30;
}
