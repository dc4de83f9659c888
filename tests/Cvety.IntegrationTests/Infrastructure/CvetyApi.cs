using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Cvety.Application.Users;
using Cvety.BitrixSimulator;
using Cvety.KaspiSimulator;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Alba;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;

namespace Cvety.IntegrationTests.Infrastructure;

/// <summary>
/// One Cvety host per test run, through the real HTTP pipeline (routing, auth, JSON, problem details, Wolverine,
/// Marten) against a real PostgreSQL. Tests reset the data before they run.
/// </summary>
public sealed class CvetyApi : IAsyncLifetime
{
    public const string AdminPhone = "+77000000001";
    public static readonly string AdminPassword = "adm-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    private TestDatabase _database = null!;

    /// <summary>The PostgreSQL server of this run; tests that start an API process of their own make a database on it.</summary>
    public TestDatabase Database => _database;

    /// <summary>The origins of the two SPAs in the tests' CORS configuration.</summary>
    public static readonly string[] SpaOrigins = ["https://admin.cvety.test", "https://shop.cvety.test"];

    /// <summary>The shop the tests use as the Bitrix shop; other tests' shops never talk to Bitrix.</summary>
    public const int BitrixShopId = 17009;
    public static readonly string BitrixApiToken = "bx-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
    public static readonly string BitrixWebhookSecret = "wh-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    public BitrixSim Bitrix { get; private set; } = null!;

    public const int PoolSize = 8;

    /// <summary>The bot key of shop 17008; shop 8 (development) still allows the legacy unauthenticated bot calls.</summary>
    public static readonly string BotKey = "bot-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    public static readonly string KaspiToken = "kp-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
    public static readonly string TelegramBotToken = "12345:" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    /// <summary>Shops whose staff chats are configured (their chat ids are minus the shop id times 100).</summary>
    public static readonly int[] ShopsWithStaffChats = [31, 32, BitrixShopId];

    public static long StaffChatOf(int shopId) => -100L * shopId;

    public const string MediaBaseUrl = "https://cvety.test";

    public KaspiSim Kaspi { get; private set; } = null!;

    public TelegramFake Telegram { get; private set; } = null!;

    /// <summary>Stands for "send the right secret" in test helpers.</summary>
    public const string BitrixWebhookSecretPlaceholder = "<secret>";

    /// <summary>The real host, through Alba (a layer over ASP.NET Core's TestServer).</summary>
    public IAlbaHost Host { get; private set; } = null!;

    public IServiceProvider Services => Host.Services;

    /// <summary>The host's TimeProvider: real time unless a test freezes it.</summary>
    public TestClock Clock { get; } = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.StartAsync();
        Bitrix = await BitrixSim.StartAsync(new BitrixSimOptions { ApiToken = BitrixApiToken, WebhookToken = BitrixWebhookSecret });
        Kaspi = await KaspiSim.StartAsync(KaspiToken);
        Telegram = await TelegramFake.StartAsync(TelegramBotToken);
        Environment.SetEnvironmentVariable("Cvety__Kaspi__BaseUrl", Kaspi.BaseUrl);
        Environment.SetEnvironmentVariable("Cvety__Kaspi__Token", KaspiToken);
        Environment.SetEnvironmentVariable("Cvety__Kaspi__OrganizationBin", "180340021791");
        Environment.SetEnvironmentVariable("Cvety__Kaspi__DeviceToken", "test-device");
        Environment.SetEnvironmentVariable("Cvety__Kaspi__PollInterval", "00:00:01");
        Environment.SetEnvironmentVariable("Cvety__Kaspi__TimeoutSeconds", "2");
        for (var i = 0; i < 4; i++) Environment.SetEnvironmentVariable($"Cvety__Kaspi__RetryDelays__{i}", "00:00:01");
        Environment.SetEnvironmentVariable("Cvety__Telegram__BaseUrl", Telegram.BaseUrl);
        Environment.SetEnvironmentVariable("Cvety__Telegram__BotToken", TelegramBotToken);
        Environment.SetEnvironmentVariable("Cvety__Telegram__MediaBaseUrl", MediaBaseUrl);
        Environment.SetEnvironmentVariable("Cvety__Telegram__PerChatInterval", "00:00:00.050");
        Environment.SetEnvironmentVariable("Cvety__Telegram__PerGroupInterval", "00:00:00.050");
        for (var i = 0; i < 3; i++) Environment.SetEnvironmentVariable($"Cvety__Telegram__RetryDelays__{i}", "00:00:01");
        foreach (var shop in ShopsWithStaffChats)
            Environment.SetEnvironmentVariable($"Cvety__Telegram__StaffChats__{shop}", StaffChatOf(shop).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Environment.SetEnvironmentVariable("Cvety__Bitrix__BaseUrl", Bitrix.BaseUrl);
        Environment.SetEnvironmentVariable("Cvety__Bitrix__ApiToken", BitrixApiToken);
        Environment.SetEnvironmentVariable("Cvety__Bitrix__WebhookSecret", BitrixWebhookSecret);
        Environment.SetEnvironmentVariable("Cvety__Bitrix__ShopId", BitrixShopId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Environment.SetEnvironmentVariable("Cvety__Bitrix__TimeoutSeconds", "2");
        // The import schedule is started by the test that is about it, not at every start of the host.
        Environment.SetEnvironmentVariable("Cvety__Bitrix__ScheduleProductImport", "false");
        Environment.SetEnvironmentVariable("Cvety__Bitrix__ProductImportInterval", "00:00:02");
        // Test images are served from 127.0.0.1.
        Environment.SetEnvironmentVariable("Cvety__Embeddings__AllowPrivateImageHosts", "true");
        // Seconds instead of hours, so that "down for a while, then back" and "out of retries" fit in a test.
        for (var i = 0; i < 4; i++) Environment.SetEnvironmentVariable($"Cvety__Bitrix__RetryDelays__{i}", "00:00:01");
        // Program reads these before it builds the host, so they travel as environment variables.
        // A small pool, as on the development machines: a test that goes through "every connection of the pool" can.
        Environment.SetEnvironmentVariable("ConnectionStrings__Marten", _database.ConnectionString + ";Maximum Pool Size=" + PoolSize);
        Environment.SetEnvironmentVariable("Cvety__Jwt__SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
        Environment.SetEnvironmentVariable("Cvety__Bootstrap__AdminPhone", AdminPhone);
        Environment.SetEnvironmentVariable("Cvety__Bootstrap__AdminPassword", AdminPassword);
        Environment.SetEnvironmentVariable("Cvety__RateLimits__PublicOrdersPerMinute", "100000");
        Environment.SetEnvironmentVariable("Cvety__Registration__PerClientPerHour", "100000");
        Environment.SetEnvironmentVariable("Cvety__RateLimits__ReviewsPerHour", "100000");
        Environment.SetEnvironmentVariable("Cvety__RateLimits__PublicBrowsingPerMinute", "100000");
        Environment.SetEnvironmentVariable("Cvety__Storage__LocalPath", Path.Combine(Path.GetTempPath(), "cvety-test-media-" + Guid.NewGuid().ToString("N")[..8]));
        Environment.SetEnvironmentVariable("Cvety__Bots__Shops__17008__Key", BotKey);
        Environment.SetEnvironmentVariable("Cvety__Bots__Shops__8__AllowUnauthenticated", "true");
        for (var i = 0; i < SpaOrigins.Length; i++) Environment.SetEnvironmentVariable($"Cvety__Cors__Origins__{i}", SpaOrigins[i]);
        Host = await AlbaHost.For<Program>(b => b
            .UseEnvironment("Testing")
            .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock))
            // As Development does: a singleton holding a scoped service, or a service that cannot be built, fails the start.
            .UseDefaultServiceProvider(o =>
            {
                o.ValidateScopes = true;
                o.ValidateOnBuild = true;
            }));
        Bitrix.WebhookClient = Host.Server.CreateClient();
    }

    public HttpClient Client(string? token = null)
    {
        var client = Host.Server.CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Wipes every document and event, then puts the configured superadmin back, as a fresh start would.</summary>
    public async Task ResetAsync()
    {
        Clock.Release();
        Bitrix.Reset();
        Kaspi.Reset();
        Telegram.Reset();
        var store = Services.GetRequiredService<IDocumentStore>();
        await store.Advanced.ResetAllData();
        await using (var session = store.LightweightSession())
        {
            // Not a Marten document, so ResetAllData leaves it: the per-shop order counters.
            session.QueueSqlCommand($"truncate {store.Options.DatabaseSchemaName}.{Cvety.Application.Orders.OrdersModule.OrderNumbersTable}");
            // The catalog's text search tables, kept by a projection.
            // The cluster's counters and turns (sign-in failures, rate limits, Telegram's pace): a restart would not clear them.
            session.QueueSqlCommand($"truncate {store.Options.DatabaseSchemaName}.{Cvety.Infrastructure.Database.ClusterLimits.CountersTable}, " +
                $"{store.Options.DatabaseSchemaName}.{Cvety.Infrastructure.Database.ClusterLimits.TurnsTable}");
            session.QueueSqlCommand($"truncate {store.Options.DatabaseSchemaName}.{Cvety.Application.Search.ProductSearchIndex.SearchTable}, " +
                $"{store.Options.DatabaseSchemaName}.{Cvety.Application.Search.ProductSearchIndex.WordsTable}");
            await session.SaveChangesAsync();
        }
        // Wolverine's queues and dead letters: what earlier tests left in flight does not count in the next.
        await Services.GetRequiredService<Wolverine.Persistence.Durability.IMessageStore>().Admin.ClearAllAsync();
        // In-memory state a restart would clear too (the sign-in failure counters).
        (Services.GetRequiredService<IMemoryCache>() as MemoryCache)?.Clear();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<bool>(new EnsureSuperadmin(AdminPhone, AdminPassword));
    }

    /// <summary>
    /// Runs <paramref name="action"/> (HTTP calls to this host, usually) inside a Wolverine tracked session and returns
    /// once every message it set going, and every message those cascaded, has been handled: a test then asserts on a
    /// system at rest instead of sleeping and hoping.
    /// </summary>
    public async Task<T> SettledAsync<T>(Func<Task<T>> action, TimeSpan? within = null)
    {
        T result = default!;
        await Host.TrackActivity().Timeout(within ?? TimeSpan.FromSeconds(30)).DoNotAssertOnExceptionsDetected()
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ => result = await action()));
        return result;
    }

    public async Task<string> LoginAsync(string phone, string password)
    {
        var response = await Client().PostAsJsonAsync("/api/v1/auth/login", new { phone, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("access_token").GetString()!;
    }

    public Task<string> AdminTokenAsync() => LoginAsync(AdminPhone, AdminPassword);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Bitrix.DisposeAsync();
        await Kaspi.DisposeAsync();
        await Telegram.DisposeAsync();
        await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<CvetyApi>
{
    public const string Name = "api";
}

/// <summary>Base for integration tests: resets data before each test.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTest(CvetyApi api) : IAsyncLifetime
{
    protected CvetyApi Api { get; } = api;

    public virtual Task InitializeAsync() => Api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}

public static class HttpExtensions
{
    public static async Task<JsonElement> Json(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body) =>
        await client.PostAsJsonAsync(url, body);

    public static async Task<HttpResponseMessage> PostRaw(this HttpClient client, string url, string json) =>
        await client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
}
