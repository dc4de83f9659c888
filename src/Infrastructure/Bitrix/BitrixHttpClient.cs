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

    private async Task<JsonElement> SendAsync<T>(string path, T payload, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(payload, options: Json) };
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
            if (body.TryGetProperty("status", out var ok) && ok.ValueKind == JsonValueKind.False)
                throw new BitrixRejectedException($"Bitrix refused {path}: {Truncate(text)}");
            return body;
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
