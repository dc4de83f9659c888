using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Cvety.IntegrationTests.Infrastructure;

/// <summary>
/// The real API as its own process (<c>dotnet Cvety.Api.dll</c>), configured through environment variables as the
/// README tells users: for what only a real start shows (Development's service-provider checks, crashes before
/// listening, the local cluster's lifetime, a kill -9).
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ApiProcess(Process process, int port)
    {
        _process = process;
        BaseUrl = $"http://127.0.0.1:{port}";
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string BaseUrl { get; }

    public HttpClient Client { get; }

    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the API with the given environment (ASPNETCORE_ENVIRONMENT included) on a free loopback port.</summary>
    public static ApiProcess Start(IDictionary<string, string?> environment)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "Cvety.Api.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        // Not the test host's own settings (the shared host travels by environment variables too).
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("Cvety__", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);
        psi.Environment["Cvety__Storage__LocalPath"] = Path.Combine(Path.GetTempPath(), "cvety-proc-media-" + Guid.NewGuid().ToString("N")[..8]);
        psi.Environment["Cvety__Jwt__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        return new ApiProcess(Process.Start(psi)!, port);
    }

    /// <summary>Waits for <c>/health</c> to answer 200; fails with the process's output if it exits or takes too long.</summary>
    public async Task WaitHealthyAsync(TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The API exited with {_process.ExitCode} before it was healthy:\n{Output}");
            try
            {
                if ((await Client.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The API did not answer /health in time:\n{Output}");
    }

    /// <summary>Waits for the process to end by itself (a start that must fail) and gives its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(90));
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    /// <summary>kill -9: no shutdown code runs, as in a crash.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        Client.Dispose();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
