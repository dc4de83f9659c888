using System.Globalization;
using System.Net;
using System.Text.Json;
using Cvety.Application.Payments;
using Cvety.Domain.Common;

namespace Cvety.Infrastructure.Payments;

/// <summary>
/// The cvety.kz Kaspi proxy (<c>GET {base}/api/v2/paymentkaspi/{op}/?access_token=...</c>) behind <see cref="IKaspiPay"/>.
/// The only place where tiyn become tenge. Errors are sorted into "try again later" (network, timeout, 5xx, 429,
/// an answer that is not JSON) and "refused" (<c>{"status":false,"error":...}</c>, other 4xx).
/// </summary>
public sealed class KaspiHttpClient(HttpClient http, KaspiOptions options) : IKaspiPay
{
    public async Task<KaspiPaymentAnswer> CreateRemotePaymentAsync(KaspiShop shop, string phone, Money amount, string message, CancellationToken ct)
    {
        var data = await CallAsync(shop, "create", ct, ("phone", phone), ("amount", Tenge(amount)), ("message", message),
            ("organizationBin", shop.OrganizationBin), ("deviceToken", shop.DeviceToken));
        return new KaspiPaymentAnswer(Required(data, "externalId", "create"), Optional(data, "status") ?? "Wait");
    }

    public async Task<string> GetStatusAsync(KaspiShop shop, string externalId, CancellationToken ct)
    {
        var data = await CallAsync(shop, "status", ct, ("externalId", externalId));
        return Required(data, "status", "status");
    }

    public async Task<string?> RefundAsync(KaspiShop shop, string externalId, Money amount, CancellationToken ct)
    {
        // The proxy may answer a successful refund with an empty body.
        var data = await CallAsync(shop, "refund", ct, ("externalId", externalId), ("amount", Tenge(amount)), ("organizationBin", shop.OrganizationBin));
        return Optional(data, "returnOperationId");
    }

    public async Task<KaspiPaymentLink> CreateLinkAsync(KaspiShop shop, Money amount, string message, CancellationToken ct)
    {
        var data = await CallAsync(shop, "create-link", ct, ("amount", Tenge(amount)), ("message", message),
            ("organizationBin", shop.OrganizationBin), ("deviceToken", shop.DeviceToken));
        var expires = DateTimeOffset.TryParse(Optional(data, "expireDate"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        return new KaspiPaymentLink(Required(data, "paymentId", "create-link"), Required(data, "paymentLink", "create-link"), expires);
    }

    /// <summary>Kaspi takes tenge: 1 500 000 tiyn is "15000", 150 050 tiyn is "1500.5".</summary>
    public static string Tenge(Money amount) => amount.ToTenge().ToString("0.##", CultureInfo.InvariantCulture);

    private async Task<JsonElement?> CallAsync(KaspiShop shop, string op, CancellationToken ct, params (string Name, string? Value)[] parameters)
    {
        var query = string.Join("&", new[] { ("access_token", (string?)shop.Token) }.Concat(parameters)
            .Where(p => !string.IsNullOrEmpty(p.Item2))
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        var url = $"{shop.BaseUrl.TrimEnd('/')}/api/v2/paymentkaspi/{op}/?{query}";

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        // The token is in the query: the message names the operation only.
        using (var response = await TimedHttp.SendAsync(http, request, TimeSpan.FromSeconds(options.TimeoutSeconds),
                   e => new KaspiUnavailableException($"Kaspi did not answer {op}: {e.GetType().Name}", e), ct))
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode >= HttpStatusCode.InternalServerError || response.StatusCode == HttpStatusCode.TooManyRequests)
                throw new KaspiUnavailableException($"Kaspi answered {(int)response.StatusCode} to {op}: {Truncate(text)}");
            if (!response.IsSuccessStatusCode)
                throw new KaspiRejectedException($"Kaspi refused {op} with {(int)response.StatusCode}: {Truncate(text)}");
            if (string.IsNullOrWhiteSpace(text)) return null;

            JsonElement body;
            try
            {
                body = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new KaspiUnavailableException($"Kaspi answered {op} with something that is not JSON: {Truncate(text)}");
            }
            if (body.ValueKind != JsonValueKind.Object) throw new KaspiUnavailableException($"Kaspi answered {op} with {Truncate(text)}");
            if (body.TryGetProperty("status", out var ok) && ok.ValueKind == JsonValueKind.False)
                throw new KaspiRejectedException(body.TryGetProperty("error", out var error) ? error.ToString() : $"Kaspi refused {op}");
            return body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data : null;
        }
    }

    private static string? Optional(JsonElement? data, string name) =>
        data is { } d && d.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? value.ToString() : null;

    private static string Required(JsonElement? data, string name, string op) =>
        Optional(data, name) ?? throw new KaspiUnavailableException($"Kaspi answered {op} without {name}");

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
