using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cvety.KaspiSimulator;

public enum KaspiSimMode
{
    Ok,
    Fail,
    Hang,
}

public sealed record KaspiSimCall(DateTimeOffset At, string Op, IReadOnlyDictionary<string, string> Query, int Status);

public sealed record KaspiSimPayment(string Id, string? Phone, decimal Amount, string Status, decimal Refunded, bool IsLink);

/// <summary>
/// The cvety.kz Kaspi proxy of <c>shared/reference/kaspi.md</c>: <c>GET /api/v2/paymentkaspi/{create|status|refund|create-link}/</c>
/// with <c>access_token</c>, amounts in tenge. It records every call, can be told each payment's status (or the status
/// new payments get), to fail (503) or to hang, and refuses refunds above what is left of a processed payment.
/// </summary>
public sealed class KaspiSim : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _token;
    private readonly ConcurrentQueue<KaspiSimCall> _calls = new();
    private readonly ConcurrentDictionary<string, KaspiSimPayment> _payments = new();
    private long _nextId = 12_800_627_773;
    private int _generation;

    private KaspiSim(WebApplication app, string token)
    {
        _app = app;
        _token = token;
    }

    public KaspiSimMode Mode { get; set; } = KaspiSimMode.Ok;

    /// <summary>The status a new payment starts with.</summary>
    public string InitialStatus { get; set; } = "Wait";

    public string BaseUrl => _app.Urls.First();

    public IReadOnlyList<KaspiSimCall> Calls => _calls.ToArray();

    public IReadOnlyList<KaspiSimCall> CallsTo(string op) => _calls.Where(c => c.Op == op).ToArray();

    public IReadOnlyCollection<KaspiSimPayment> Payments => _payments.Values.ToArray();

    public static async Task<KaspiSim> StartAsync(string token, string urls = "http://127.0.0.1:0")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var sim = new KaspiSim(app, token);
        sim.Map(app);
        await app.StartAsync();
        return sim;
    }

    /// <summary>Sets a payment's status, as the customer's Kaspi app would.</summary>
    public void SetStatus(string id, string status) => _payments.AddOrUpdate(id, _ => throw new KeyNotFoundException(id), (_, p) => p with { Status = status });

    public void Reset()
    {
        Interlocked.Increment(ref _generation);
        _calls.Clear();
        _payments.Clear();
        Mode = KaspiSimMode.Ok;
        InitialStatus = "Wait";
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/api/v2/paymentkaspi/{op}/", (string op, HttpContext http) => HandleAsync(op, http));
        app.MapGet("/_sim/calls", () => Results.Json(Calls));
        app.MapGet("/_sim/payments", () => Results.Json(Payments));
        app.MapPost("/_sim/payments/{id}/status/{status}", (string id, string status) =>
        {
            if (!_payments.ContainsKey(id)) return Results.NotFound();
            SetStatus(id, status);
            return Results.Ok(_payments[id]);
        });
        app.MapPost("/_sim/mode/{mode}", (string mode) =>
        {
            if (!Enum.TryParse<KaspiSimMode>(mode, ignoreCase: true, out var m)) return Results.BadRequest(new { error = "ok, fail or hang" });
            Mode = m;
            return Results.Ok(new { mode = Mode.ToString().ToLowerInvariant() });
        });
        app.MapPost("/_sim/reset", () =>
        {
            Reset();
            return Results.Ok();
        });
    }

    private async Task<IResult> HandleAsync(string op, HttpContext http)
    {
        var generation = Volatile.Read(ref _generation);
        var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        IResult Answer(int status, object body)
        {
            if (generation == Volatile.Read(ref _generation)) _calls.Enqueue(new KaspiSimCall(DateTimeOffset.UtcNow, op, query, status));
            return Results.Json(body, statusCode: status);
        }

        if (!query.TryGetValue("access_token", out var token) || token != _token) return Answer(401, new { status = false, error = "Invalid access token" });
        switch (Mode)
        {
            case KaspiSimMode.Hang:
                await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { });
                return Answer(504, new { status = false, error = "hung" });
            case KaspiSimMode.Fail:
                return Answer(503, new { status = false, error = "Kaspi is unavailable" });
        }

        string? Q(string name) => query.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        bool Amount(out decimal amount) => decimal.TryParse(Q("amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out amount) && amount > 0;

        switch (op)
        {
            case "create":
                if (Q("phone") is not { } phone || !Amount(out var amount)) return Answer(200, new { status = false, error = "phone and amount are required" });
                var created = new KaspiSimPayment(NextId(), phone, amount, InitialStatus, 0, false);
                _payments[created.Id] = created;
                return Answer(200, new { status = true, data = new { externalId = created.Id, status = created.Status } });

            case "status":
                if (Q("externalId") is not { } id || !_payments.TryGetValue(id, out var payment)) return Answer(200, new { status = false, error = "Payment not found" });
                return Answer(200, new { status = true, data = new { externalId = payment.Id, status = payment.Status } });

            case "refund":
                if (Q("externalId") is not { } refundId || !_payments.TryGetValue(refundId, out var paid)) return Answer(200, new { status = false, error = "Payment not found" });
                if (!Amount(out var refund)) return Answer(200, new { status = false, error = "amount is required" });
                if (paid.Status != "Processed") return Answer(200, new { status = false, error = "Payment is not processed" });
                if (refund > paid.Amount - paid.Refunded) return Answer(200, new { status = false, error = "-99000005: refund larger than purchase" });
                _payments[refundId] = paid with { Refunded = paid.Refunded + refund };
                return Answer(200, new { status = true, data = new { externalId = refundId, returnOperationId = "R" + NextId(), refundedAmount = refund } });

            case "create-link":
                if (!Amount(out var linkAmount)) return Answer(200, new { status = false, error = "amount is required" });
                var link = new KaspiSimPayment(NextId(), null, linkAmount, InitialStatus, 0, true);
                _payments[link.Id] = link;
                return Answer(200, new
                {
                    status = true,
                    data = new { paymentLink = $"https://pay.kaspi.kz/pay/{link.Id}", paymentId = link.Id, expireDate = DateTimeOffset.UtcNow.AddDays(1).ToString("O") },
                });

            default:
                return Answer(404, new { status = false, error = "Unknown operation" });
        }
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Run by hand: <c>dotnet run --project tools/KaspiSimulator -- --token T --urls http://127.0.0.1:5091</c>.</summary>
public static class SimulatorMain
{
    public static async Task Main(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var token = Arg("--token") ?? Environment.GetEnvironmentVariable("KASPI_SIM_TOKEN")
            ?? throw new ArgumentException("Give the access token Cvety uses: --token <token> (or KASPI_SIM_TOKEN).");
        await using var sim = await KaspiSim.StartAsync(token, Arg("--urls") ?? "http://127.0.0.1:5091");
        Console.WriteLine($"Kaspi simulator on {sim.BaseUrl}. POST /_sim/payments/{{id}}/status/Processed, /_sim/mode/{{ok|fail|hang}}; GET /_sim/calls. Ctrl+C stops.");
        var stop = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.TrySetResult();
        };
        await stop.Task;
    }
}
