using System.Net;
using Cvety.IntegrationTests.Catalog;
using Cvety.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cvety.IntegrationTests.Foundation;

/// <summary>
/// The real host, started as users start it (<c>dotnet Cvety.Api.dll</c> with environment variables), for what the
/// in-process test host cannot show: Development's service-provider checks, a start that fails, the local cluster.
/// </summary>
public sealed class StartUp(CvetyApi api) : ApiTest(api)
{
    private Dictionary<string, string?> Development(string connectionString) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ConnectionStrings__Marten"] = connectionString,
        ["Serilog__MinimumLevel__Default"] = "Warning",
    };

    [Fact]
    public async Task the_real_host_starts_in_development_with_every_outside_system_configured()
    {
        await using var s3 = await FakeServer.StartAsync(app => app.MapFallback(() => Results.Ok()));
        await using var embeddings = await FakeServer.StartAsync(app => app.MapPost("/embed/image", () => Results.Json(new { embedding = new float[8], dimensions = 8 })));
        var environment = Development(await Api.Database.CreateDatabaseAsync("startup"));
        environment["Cvety__Bitrix__BaseUrl"] = Api.Bitrix.BaseUrl;
        environment["Cvety__Bitrix__ApiToken"] = CvetyApi.BitrixApiToken;
        environment["Cvety__Bitrix__WebhookSecret"] = CvetyApi.BitrixWebhookSecret;
        environment["Cvety__Bitrix__ShopId"] = "17050";
        // The schedule the tests used to switch off, which hid a crash at start.
        environment["Cvety__Bitrix__ScheduleProductImport"] = "true";
        environment["Cvety__Bitrix__ProductImportInterval"] = "00:00:02";
        environment["Cvety__Kaspi__BaseUrl"] = Api.Kaspi.BaseUrl;
        environment["Cvety__Kaspi__Token"] = CvetyApi.KaspiToken;
        environment["Cvety__Telegram__BaseUrl"] = Api.Telegram.BaseUrl;
        environment["Cvety__Telegram__BotToken"] = CvetyApi.TelegramBotToken;
        environment["Cvety__Storage__S3__Endpoint"] = s3.BaseUrl;
        environment["Cvety__Storage__S3__Bucket"] = "cvety";
        environment["Cvety__Storage__S3__AccessKeyId"] = "test-key-id";
        environment["Cvety__Storage__S3__SecretAccessKey"] = "test-secret";
        environment["Cvety__Storage__S3__PublicBaseUrl"] = "https://media.cvety.test";
        environment["Cvety__Embeddings__BaseUrl"] = embeddings.BaseUrl;

        await using var host = ApiProcess.Start(environment);
        await host.WaitHealthyAsync();

        // The schedule is alive: its first import asks Bitrix for the catalog.
        (await Eventually.HoldsAsync(() => Task.FromResult(Api.Bitrix.Calls.Any(c => c.Path.StartsWith("/api/v2/products", StringComparison.Ordinal)))))
            .Should().BeTrue("the import schedule's first run asks Bitrix for the catalog");
    }

    [Theory]
    [InlineData("Cvety__Kaspi__BaseUrl", "kaspi-proxy:8080", "Cvety:Kaspi:BaseUrl", "absolute http(s) URL")]
    [InlineData("Cvety__Bitrix__RetryDelays__0", "-00:00:05", "Cvety:Bitrix:RetryDelays", "positive")]
    [InlineData("Cvety__Bitrix__TimeoutSeconds", "soon", "Cvety:Bitrix:TimeoutSeconds", "Int32")]
    public async Task a_bad_setting_stops_the_start_naming_its_key(string variable, string value, string key, string says)
    {
        var environment = Development(await Api.Database.CreateDatabaseAsync("badsetting"));
        environment[variable] = value;
        await using var host = ApiProcess.Start(environment);

        (await host.WaitForExitAsync()).Should().NotBe(0);
        host.Output.Should().Contain(key).And.Contain(says).And.NotContain("   at ");
    }

    [Fact]
    public async Task outside_development_a_missing_connection_string_stops_the_start()
    {
        await using var host = ApiProcess.Start(new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        (await host.WaitForExitAsync()).Should().NotBe(0);
        host.Output.Should().Contain("ConnectionStrings:Marten is not set").And.Contain("Cvety:Database:Local=true").And.NotContain("   at ");
    }

    [Fact]
    public async Task a_start_that_fails_after_the_local_cluster_started_stops_that_cluster()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cvety-crash-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using var host = ApiProcess.Start(new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Cvety__Database__DataDirectory"] = folder,
                // Read after the database is chosen and its cluster is running.
                ["Cvety__Bitrix__BaseUrl"] = "not a url",
            });

            (await host.WaitForExitAsync(TimeSpan.FromMinutes(2))).Should().NotBe(0);
            host.Output.Should().Contain("Using the local PostgreSQL cluster").And.Contain("Cvety:Bitrix:BaseUrl");
            ServersOn(folder).Should().BeEmpty("a crashed start stops the cluster it started:\n" + host.Output);
        }
        finally
        {
            foreach (var pid in ServersOn(folder)) System.Diagnostics.Process.GetProcessById(pid).Kill();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task a_data_directory_the_server_user_cannot_reach_ends_the_start_with_one_line()
    {
        // Only root runs the server as another user; elsewhere the API's own user owns the folder.
        if (!Environment.IsPrivilegedProcess || OperatingSystem.IsWindows()) return;
        var closed = Path.Combine(Path.GetTempPath(), "cvety-closed-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(closed);
        File.SetUnixFileMode(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var data = Path.Combine(closed, "postgres");
            await using var host = ApiProcess.Start(new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Cvety__Database__DataDirectory"] = data,
            });

            (await host.WaitForExitAsync()).Should().NotBe(0);
            host.Output.Should().Contain($"The local PostgreSQL folder {data} cannot be reached").And.Contain("Cvety:Database:DataDirectory")
                .And.NotContain("initdb").And.NotContain("   at ");
        }
        finally
        {
            Directory.Delete(closed, recursive: true);
        }
    }

    [Fact]
    public async Task a_configured_spa_origin_may_call_with_credentials_and_others_may_not()
    {
        var allowed = await Preflight(CvetyApi.SpaOrigins[0]);
        allowed.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(CvetyApi.SpaOrigins[0]);
        allowed.Headers.GetValues("Access-Control-Allow-Credentials").Should().Equal("true");
        string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant().Should().Contain("authorization");

        var other = await Preflight("https://evil.example");
        other.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();

        var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/products?shop_id=1");
        read.Headers.Add("Origin", CvetyApi.SpaOrigins[1]);
        var answer = await Api.Client().SendAsync(read);
        answer.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(CvetyApi.SpaOrigins[1]);
        answer.Headers.GetValues("Access-Control-Expose-Headers").Single().Should().Contain("X-Total-Count");
    }

    private async Task<HttpResponseMessage> Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/orders/");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await Api.Client().SendAsync(request);
    }

    /// <summary>PostgreSQL servers whose command line names the folder.</summary>
    private static List<int> ServersOn(string folder) =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => int.TryParse(n, out _)).Select(int.Parse!)
            .Where(pid =>
            {
                try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Contains(folder, StringComparison.Ordinal) && File.ReadAllText($"/proc/{pid}/cmdline").Contains("postgres"); }
                catch (IOException) { return false; }
            }).ToList();
}
