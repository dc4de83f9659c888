using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;

namespace Cvety.Bench;

/// <summary>The API as its own process on a loopback port, configured for production (JSON logs at Warning).</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public HttpClient Client { get; }

    public const string AdminPhone = "+77000000001";
    public static readonly string AdminPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    public static async Task<ApiProcess> StartAsync(string apiDll, string connectionString, IDictionary<string, string>? extra = null)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(apiDll))!,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                // The connection tuning ADR 0009 and 0010 measured, given as configuration (Cvety no longer forces it).
                ["ConnectionStrings__Marten"] = new Npgsql.NpgsqlConnectionStringBuilder(connectionString)
                {
                    MaxPoolSize = Math.Max(4, 2 * Environment.ProcessorCount), NoResetOnClose = true, MaxAutoPrepare = 64,
                }.ConnectionString,
                ["Cvety__Jwt__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
                ["Cvety__Bootstrap__AdminPhone"] = AdminPhone,
                ["Cvety__Bootstrap__AdminPassword"] = AdminPassword,
                ["Cvety__RateLimits__PublicOrdersPerMinute"] = "1000000",
                ["Cvety__RateLimits__PublicBrowsingPerMinute"] = "1000000",
                ["Cvety__Storage__LocalPath"] = Path.Combine(Path.GetTempPath(), "cvety-bench-media"),
                ["Serilog__MinimumLevel__Default"] = "Warning",
            },
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        psi.ArgumentList.Add(Path.GetFullPath(apiDll));
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        var process = Process.Start(psi)!;
        // Drain the output so the API never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();

        var api = new ApiProcess(process, new Uri($"http://127.0.0.1:{port}"));
        for (var i = 0; i < 240; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"The API exited with {process.ExitCode}.");
            try
            {
                if ((await api.Client.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return api;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException("The API did not answer /health within two minutes.");
    }

    public async Task<string> LoginAsync(string phone, string password)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/login", new { phone, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    public async Task<JsonElement> SendAsync(HttpMethod method, string url, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await Client.SendAsync(request);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
