using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cvety.Application.Bitrix;

namespace Cvety.Infrastructure.Bitrix;

/// <summary>
/// Bitrix's HTTP API behind <see cref="IBitrixClient"/>: bearer auth, a timeout per call, and errors sorted into
/// "try again later" (network, timeout, 5xx, 429) and "refused" (other 4xx), which the outbox policy treats differently.
/// </summary>
public sealed class BitrixHttpClient(HttpClient http, BitrixOptions options) : IBitrixClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<BitrixCreatedOrder> CreateOrderAsync(BitrixOrderCreate order, CancellationToken ct)
    {
        var body = await SendAsync("api/v2/orders/create/", order, ct);
        if (!body.TryGetProperty("order_id", out var id) || !id.TryGetInt64(out var bitrixId))
            throw new BitrixRejectedException("Bitrix answered the create call without an order_id: " + body);
        var account = body.TryGetProperty("account_number", out var a) ? a.ToString() : null;
        var duplicate = body.TryGetProperty("duplicate", out var d) && d.ValueKind == JsonValueKind.True;
        return new BitrixCreatedOrder(bitrixId, account, duplicate);
    }

    public async Task ChangeStatusAsync(long bitrixOrderId, string statusId, string? comment, CancellationToken ct) =>
        await SendAsync("api/v2/order/change-status", new Dictionary<string, object?> { ["id"] = bitrixOrderId, ["statusId"] = statusId, ["comment"] = comment }, ct);

    public async Task<BitrixProductPage> GetProductsAsync(int offset, int limit, CancellationToken ct)
    {
        var body = await SendAsync(HttpMethod.Get, $"api/v2/products?limit={limit}&offset={offset}", (object?)null, ct);
        var text = body.GetRawText();
        var node = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        if (node["data"] is not System.Text.Json.Nodes.JsonArray data)
            throw new BitrixUnavailableException("Bitrix answered the products call without a data array: " + Truncate(text));
        var pagination = node["pagination"];
        var hasMore = pagination?["hasMore"] is System.Text.Json.Nodes.JsonValue more && more.TryGetValue<bool>(out var m) && m;
        var total = pagination?["total"] is System.Text.Json.Nodes.JsonValue t && t.TryGetValue<int>(out var n) ? n : data.Count;
        return new BitrixProductPage(data.Select(i => i?.DeepClone()).ToList(), total, hasMore);
    }

    public async Task UpdateProductAsync(BitrixProductUpdate update, CancellationToken ct) =>
        await SendAsync(HttpMethod.Put, $"api/v2/products/update-from-railway/{update.Id}", new Dictionary<string, object?>
        {
            ["id"] = update.Id, ["title"] = update.Title, ["price"] = update.Price, ["image"] = update.Image,
            ["isAvailable"] = update.IsAvailable, ["description"] = update.Description,
        }, ct);

    private Task<JsonElement> SendAsync<T>(string path, T payload, CancellationToken ct) => SendAsync(HttpMethod.Post, path, payload, ct);

    private async Task<JsonElement> SendAsync<T>(HttpMethod method, string path, T payload, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = payload is null ? null : JsonContent.Create(payload, options: Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiToken);
        using (var response = await TimedHttp.SendAsync(http, request, TimeSpan.FromSeconds(options.TimeoutSeconds),
                   e => new BitrixUnavailableException($"Bitrix did not answer {path}: {e.Message}", e), ct))
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode >= HttpStatusCode.InternalServerError || response.StatusCode == HttpStatusCode.TooManyRequests)
                throw new BitrixUnavailableException($"Bitrix answered {(int)response.StatusCode} to {path}: {Truncate(text)}");
            if (!response.IsSuccessStatusCode)
                throw new BitrixRejectedException($"Bitrix refused {path} with {(int)response.StatusCode}: {Truncate(text)}");
            JsonElement body;
            try
            {
                body = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new BitrixUnavailableException($"Bitrix answered {path} with something that is not JSON: {Truncate(text)}");
            }
            if ((body.ValueKind == JsonValueKind.Object && body.TryGetProperty("status", out var ok) && ok.ValueKind == JsonValueKind.False) || (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.False))
                throw new BitrixRejectedException($"Bitrix refused {path}: {Truncate(text)}");
            return body;
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
