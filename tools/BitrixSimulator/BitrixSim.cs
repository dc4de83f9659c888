using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cvety.BitrixSimulator;

public sealed class BitrixSimOptions
{
    /// <summary>The bearer token Cvety must present.</summary>
    public required string ApiToken { get; init; }

    /// <summary>Where Bitrix's order webhook goes (Cvety's <c>/webhooks/bitrix/order</c>); no echo when null.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The token Bitrix puts in its webhook bodies.</summary>
    public string? WebhookToken { get; set; }

    public string Urls { get; init; } = "http://127.0.0.1:0";

    public long FirstOrderId { get; init; } = 123_900;
}

public enum SimMode
{
    Ok,
    Fail,
    Hang,

    /// <summary>Does what is asked, then never answers: the caller cannot know it was done (a crash after Bitrix's answer looks the same).</summary>
    AnswerLost,
}

public sealed record SimCall(DateTimeOffset At, string Path, JsonNode? Body, int Status);

/// <summary>
/// A Bitrix that speaks the contracts of <c>shared/reference/bitrix.md</c>: order create (idempotent on
/// railway_order_id) and change-status with bearer auth, every call recorded; it can be told to fail, hang or
/// recover, and it sends the order.create webhook for the orders created through it (the echo), when told where.
/// </summary>
public sealed class BitrixSim : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly BitrixSimOptions _options;
    private readonly ConcurrentQueue<SimCall> _calls = new();
    private readonly ConcurrentDictionary<string, long> _byRailwayId = new();
    private readonly ConcurrentDictionary<long, string> _statuses = new();
    private readonly HttpClient _webhooks = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentDictionary<long, JsonObject> _products = new();
    private long _nextId;
    private int _generation;

    private BitrixSim(WebApplication app, BitrixSimOptions options)
    {
        _app = app;
        _options = options;
        _nextId = options.FirstOrderId - 1;
    }

    private volatile CancellationTokenSource _hung = new();
    private SimMode _mode = SimMode.Ok;

    /// <summary>
    /// How Bitrix behaves. Leaving <see cref="SimMode.Hang"/> answers the calls still hanging with 504, as a gateway in
    /// front of a Bitrix that came back would: a caller waits no longer than the hang lasted.
    /// </summary>
    public SimMode Mode
    {
        get => _mode;
        set
        {
            _mode = value;
            if (value != SimMode.Hang) Interlocked.Exchange(ref _hung, new CancellationTokenSource()).Cancel();
        }
    }

    private async Task HangAsync(HttpContext http)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _hung.Token);
        await Task.Delay(Timeout.Infinite, either.Token).ContinueWith(_ => { });
    }

    /// <summary>Sends the echo webhooks; by default a plain HttpClient. Tests hand in one bound to their in-process host.</summary>
    public HttpClient? WebhookClient { get; set; }

    /// <summary>Where the echo goes; null: no echo.</summary>
    public string? WebhookUrl
    {
        get => _options.WebhookUrl;
        set => _options.WebhookUrl = value;
    }

    /// <summary>When true, the echo webhook is sent before the create call answers (the race the old system lost).</summary>
    public bool EchoBeforeAnswer { get; set; }

    public string BaseUrl => _app.Urls.First();

    public IReadOnlyList<SimCall> Calls => _calls.ToArray();

    public IReadOnlyList<SimCall> CallsTo(string path) => _calls.Where(c => c.Path == path).ToArray();

    /// <summary>How many orders Bitrix holds: one per railway_order_id, however many times it was sent.</summary>
    public int OrderCount => _byRailwayId.Count;

    /// <summary>The catalog <c>GET /api/v2/products</c> serves, in id order; tests and <c>POST /_sim/products</c> fill it.</summary>
    public void SetProducts(IEnumerable<JsonNode?> products)
    {
        _products.Clear();
        foreach (var product in products.OfType<JsonObject>()) _products[long.Parse(product["id"]!.ToJsonString().Trim('"'), System.Globalization.CultureInfo.InvariantCulture)] = (JsonObject)product.DeepClone();
    }

    public JsonObject? Product(long id) => _products.TryGetValue(id, out var p) ? p : null;

    /// <summary>The product update calls received (<c>PUT .../update-from-railway/{id}</c>).</summary>
    public IReadOnlyList<SimCall> ProductUpdates => _calls.Where(c => c.Path.StartsWith("/api/v2/products/update-from-railway/", StringComparison.Ordinal)).ToArray();

    public static async Task<BitrixSim> StartAsync(BitrixSimOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var sim = new BitrixSim(app, options);
        sim.Map(app);
        await app.StartAsync();
        return sim;
    }

    /// <summary>Forgets everything; calls still in flight from before are not recorded afterwards.</summary>
    public void Reset()
    {
        Interlocked.Increment(ref _generation);
        _calls.Clear();
        _byRailwayId.Clear();
        Interlocked.Exchange(ref _nextId, _options.FirstOrderId - 1);
        _statuses.Clear();
        _products.Clear();
        Mode = SimMode.Ok;
        EchoBeforeAnswer = false;
        WebhookUrl = null;
    }

    private void Map(WebApplication app)
    {
        app.MapPost("/api/v2/orders/create/", (Delegate)((HttpContext http) => Handle(http, CreateOrderAsync)));
        app.MapPost("/api/v2/order/change-status", (Delegate)((HttpContext http) => Handle(http, ChangeStatusAsync)));
        app.MapGet("/api/v2/products", (Delegate)((HttpContext http) => ListProductsAsync(http)));
        app.MapPut("/api/v2/products/update-from-railway/{id}", (Delegate)((HttpContext http) => Handle(http, body => UpdateProduct(http, body))));
        app.MapPost("/_sim/products", async (HttpContext http) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            SetProducts((body as JsonArray ?? body?["data"] as JsonArray ?? []).ToList());
            return Results.Ok(new { count = _products.Count });
        });
        app.MapGet("/_sim/calls", () => Results.Json(Calls));
        app.MapPost("/_sim/mode/{mode}", (string mode) =>
        {
            if (!Enum.TryParse<SimMode>(mode, ignoreCase: true, out var m)) return Results.BadRequest(new { error = "ok, fail, hang or answerlost" });
            Mode = m;
            return Results.Ok(new { mode = Mode.ToString().ToLowerInvariant() });
        });
        app.MapPost("/_sim/reset", () =>
        {
            Reset();
            return Results.Ok();
        });
    }

    private async Task<IResult> Handle(HttpContext http, Func<JsonNode, Task<(int Status, object Body)>> handler)
    {
        var generation = Volatile.Read(ref _generation);
        JsonNode? body = null;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body);
        }
        catch (JsonException)
        {
        }

        var path = http.Request.Path.Value!;
        if (http.Request.Headers.Authorization.ToString() != "Bearer " + _options.ApiToken)
            return Record(generation, path, body, 401, new { status = false, error = "Unauthorized" });

        switch (Mode)
        {
            case SimMode.Hang:
                await HangAsync(http);
                return Record(generation, path, body, 504, new { status = false, error = "hung" });
            case SimMode.Fail:
                return Record(generation, path, body, 503, new { status = false, error = "Bitrix is down" });
        }

        if (body is null) return Record(generation, path, body, 400, new { status = false, error = "Malformed JSON" });
        var (status, answer) = await handler(body);
        if (Mode == SimMode.AnswerLost)
        {
            Record(generation, path, body, status, answer);
            await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { });
            return Results.StatusCode(504);
        }
        return Record(generation, path, body, status, answer);
    }

    /// <summary>The production products API: bearer token or ?access_token=, limit/offset paging, type and isAvailable filters.</summary>
    private async Task<IResult> ListProductsAsync(HttpContext http)
    {
        var generation = Volatile.Read(ref _generation);
        // Every read is recorded with its query string (the page it asked for), answered or refused.
        var path = http.Request.Path.Value! + http.Request.QueryString;
        var query = http.Request.Query;
        var authorised = http.Request.Headers.Authorization.ToString() == "Bearer " + _options.ApiToken || query["access_token"].ToString() == _options.ApiToken;
        if (!authorised) return Record(generation, path, null, 401, new { success = false, error = "Unauthorized" });
        switch (Mode)
        {
            case SimMode.Hang:
                await HangAsync(http);
                return Record(generation, path, null, 504, new { success = false, error = "hung" });
            case SimMode.Fail:
                return Record(generation, path, null, 503, new { success = false, error = "Bitrix is down" });
        }
        var limit = int.TryParse(query["limit"], out var l) ? Math.Clamp(l, 1, 100) : 20;
        var offset = int.TryParse(query["offset"], out var o) ? Math.Max(0, o) : 0;
        IEnumerable<JsonObject> all = _products.OrderBy(p => p.Key).Select(p => p.Value);
        if (query["type"].ToString() is { Length: > 0 } type) all = all.Where(p => p["type"]?.ToString() == type);
        if (bool.TryParse(query["isAvailable"], out var available)) all = all.Where(p => p["isAvailable"]?.GetValue<bool>() == available);
        var list = all.ToList();
        var page = new JsonArray(list.Skip(offset).Take(limit).Select(p => (JsonNode)p.DeepClone()).ToArray());
        var body = new JsonObject
        {
            ["success"] = true,
            ["data"] = page,
            ["pagination"] = new JsonObject { ["total"] = list.Count, ["limit"] = limit, ["offset"] = offset, ["hasMore"] = offset + limit < list.Count },
        };
        if (generation == Volatile.Read(ref _generation)) _calls.Enqueue(new SimCall(DateTimeOffset.UtcNow, path, null, 200));
        return Results.Content(body.ToJsonString(), "application/json");
    }

    private Task<(int, object)> UpdateProduct(HttpContext http, JsonNode body)
    {
        if (!long.TryParse(http.Request.RouteValues["id"]?.ToString(), out var id) || !_products.TryGetValue(id, out var product))
            return Task.FromResult<(int, object)>((404, new { success = false, error = "Product not found" }));
        foreach (var field in new[] { "title", "price", "image", "isAvailable", "description" })
            if (body[field] is { } value) product[field] = value.DeepClone();
        return Task.FromResult<(int, object)>((200, new { success = true, data = new { id, updated = true } }));
    }

    private IResult Record(int generation, string path, JsonNode? body, int status, object answer)
    {
        if (generation == Volatile.Read(ref _generation)) _calls.Enqueue(new SimCall(DateTimeOffset.UtcNow, path, body, status));
        return Results.Json(answer, statusCode: status);
    }

    private async Task<(int, object)> CreateOrderAsync(JsonNode body)
    {
        var railwayId = body["railway_order_id"]?.ToString();
        if (string.IsNullOrEmpty(railwayId)) return (400, new { status = false, error = "railway_order_id is required" });

        var created = false;
        var id = _byRailwayId.GetOrAdd(railwayId, _ =>
        {
            created = true;
            return Interlocked.Increment(ref _nextId);
        });
        if (!created)
            return (200, new { status = true, order_id = id, account_number = id.ToString(CultureInfo.InvariantCulture), duplicate = true });

        _statuses[id] = "N";
        if (WebhookUrl is not null)
        {
            var echo = SendEchoAsync(id, railwayId, body);
            if (EchoBeforeAnswer) await echo;
        }
        return (200, new { status = true, order_id = id, account_number = id.ToString(CultureInfo.InvariantCulture) });
    }

    private Task<(int, object)> ChangeStatusAsync(JsonNode body)
    {
        var id = body["id"]?.GetValue<long>() ?? 0;
        var statusId = body["statusId"]?.ToString();
        if (!_statuses.TryGetValue(id, out var old)) return Task.FromResult<(int, object)>((400, new { status = false, error = "Order not found" }));
        if (string.IsNullOrEmpty(statusId)) return Task.FromResult<(int, object)>((400, new { status = false, error = "statusId is required" }));
        _statuses[id] = statusId;
        return Task.FromResult<(int, object)>((200, new { status = true, data = new { id, oldStatus = old, newStatus = statusId, changed = old != statusId } }));
    }

    /// <summary>The order.create webhook Bitrix fires for an order created through its API: a new ID and our id in XML_ID.</summary>
    private async Task SendEchoAsync(long id, string railwayId, JsonNode created)
    {
        var generation = Volatile.Read(ref _generation);
        string Tenge(JsonNode? tiyn) => ((tiyn?.GetValue<long>() ?? 0) / 100m).ToString("0.0000", CultureInfo.InvariantCulture);
        var basket = new JsonArray();
        foreach (var item in created["items"]?.AsArray() ?? [])
        {
            basket.Add(new JsonObject
            {
                ["ID"] = (id * 10 + basket.Count).ToString(CultureInfo.InvariantCulture),
                ["PRODUCT_ID"] = item?["product_id"]?.ToString(),
                ["NAME"] = item?["name"]?.ToString(),
                ["PRICE"] = Tenge(item?["price"]),
                ["CURRENCY"] = "KZT",
                ["QUANTITY"] = (item?["quantity"]?.GetValue<int>() ?? 1).ToString("0.0000", CultureInfo.InvariantCulture),
                ["DISCOUNT_PRICE"] = "0.0000",
            });
        }
        var webhook = new JsonObject
        {
            ["event"] = "order.create",
            ["token"] = _options.WebhookToken,
            ["data"] = new JsonObject
            {
                ["ID"] = id.ToString(CultureInfo.InvariantCulture),
                ["ACCOUNT_NUMBER"] = id.ToString(CultureInfo.InvariantCulture),
                ["XML_ID"] = "railway-" + railwayId,
                ["STATUS_ID"] = "N",
                ["PAYED"] = "N",
                ["CANCELED"] = "N",
                ["PRICE"] = Tenge(created["total_price"]),
                ["PRICE_DELIVERY"] = Tenge(created["delivery_fee"]),
                ["CURRENCY"] = "KZT",
                ["DATE_INSERT"] = DateTimeOffset.UtcNow.ToString("O"),
                ["basket"] = basket,
                ["properties"] = new JsonObject
                {
                    ["phone"] = created["customer_phone"]?.ToString(),
                    ["name"] = created["customer_name"]?.ToString(),
                    ["nameRecipient"] = created["recipient_name"]?.ToString(),
                    ["phoneRecipient"] = created["recipient_phone"]?.ToString(),
                    ["addressRecipient"] = created["delivery_address"]?.ToString(),
                    ["data"] = created["delivery_date"]?.ToString(),
                    ["postcardText"] = created["postcard_text"]?.ToString(),
                    ["shopId"] = "17008",
                },
                ["webhook_timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["webhook_source"] = "production_bitrix",
            },
        };
        try
        {
            using var response = await (WebhookClient ?? _webhooks).PostAsJsonAsync(WebhookUrl, webhook);
            if (generation == Volatile.Read(ref _generation)) _calls.Enqueue(new SimCall(DateTimeOffset.UtcNow, "echo:" + _options.WebhookUrl, webhook, (int)response.StatusCode));
        }
        catch (HttpRequestException e)
        {
            _calls.Enqueue(new SimCall(DateTimeOffset.UtcNow, "echo:" + _options.WebhookUrl, JsonValue.Create(e.Message), 0));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _webhooks.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Run by hand: <c>dotnet run --project tools/BitrixSimulator -- --token T --urls http://127.0.0.1:5090 --webhook http://localhost:5080/webhooks/bitrix/order --webhook-token W</c>.</summary>
public static class SimulatorMain
{
    public static async Task Main(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var token = Arg("--token") ?? Environment.GetEnvironmentVariable("BITRIX_SIM_TOKEN")
            ?? throw new ArgumentException("Give the bearer token Cvety uses: --token <token> (or BITRIX_SIM_TOKEN).");
        await using var sim = await BitrixSim.StartAsync(new BitrixSimOptions
        {
            ApiToken = token,
            Urls = Arg("--urls") ?? "http://127.0.0.1:5090",
            WebhookUrl = Arg("--webhook"),
            WebhookToken = Arg("--webhook-token"),
        });
        Console.WriteLine($"Bitrix simulator on {sim.BaseUrl}. POST /_sim/mode/{{ok|fail|hang}}, GET /_sim/calls. Ctrl+C stops.");
        var stop = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.TrySetResult();
        };
        await stop.Task;
    }
}
