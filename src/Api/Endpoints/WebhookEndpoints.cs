using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cvety.Application.Bitrix;
using Cvety.Domain.Shops;
using FluentValidation;
using FluentValidation.Results;
using Wolverine;

namespace Cvety.Api.Endpoints;

/// <summary>
/// What Bitrix calls. Bodies are size-limited and read raw (so that signatures cover the exact bytes), secrets are
/// compared in constant time, and everything runs in the Bitrix shop. Answers keep the shapes the PHP senders rely on.
/// </summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/webhooks/order-status-sync", async (HttpContext http, IMessageBus bus, BitrixOptions options) =>
            {
                var body = await ReadBodyAsync(http, options);
                if (!SecretMatches(http.Request.Headers["X-Webhook-Secret"].ToString(), options)) return InvalidSecret();
                if (!SignatureHolds(http, body, options)) return InvalidSignature();

                var json = ParseObject(body);
                var command = new SyncBitrixOrderStatus(
                    Long(json, "order_id"), String(json, "status"), OptionalLong(json, "changed_by_id"), String(json, "notes"));
                return Reply(await bus.InvokeForTenantAsync<WebhookReply>(Shop.TenantIdFor(options.ShopId), command, http.RequestAborted));
            })
            .AllowAnonymous().WithTags("Webhooks").WithSummary("Bitrix status webhook (X-Webhook-Secret).");

        app.MapPost("/api/v1/webhooks/product-sync", async (HttpContext http, IMessageBus bus, BitrixOptions options) =>
            {
                var body = await ReadBodyAsync(http, options);
                if (!SecretMatches(http.Request.Headers["X-Webhook-Secret"].ToString(), options)) return InvalidSecret();
                if (!SignatureHolds(http, body, options)) return InvalidSignature();

                var json = ParseObject(body);
                var command = new ReceiveBitrixProduct(String(json, "event_type"), json["product_data"]);
                return Reply(await bus.InvokeForTenantAsync<WebhookReply>(Shop.TenantIdFor(options.ShopId), command, http.RequestAborted));
            })
            .AllowAnonymous().WithTags("Webhooks").WithSummary("Bitrix product webhook (X-Webhook-Secret): product.created, product.updated, product.deleted (disables).");

        async Task<IResult> OrderWebhook(HttpContext http, IMessageBus bus, BitrixOptions options)
        {
            var body = await ReadBodyAsync(http, options);
            var json = ParseObject(body);
            if (!SecretMatches(json["token"] is JsonValue t && t.TryGetValue<string>(out var token) ? token : null, options)) return InvalidSecret();
            if (!SignatureHolds(http, body, options)) return InvalidSignature();

            var kind = String(json, "event") ?? throw Invalid("event", "'event' is required.");
            var command = new ReceiveBitrixOrder(kind, json["data"]);
            return Reply(await bus.InvokeForTenantAsync<WebhookReply>(Shop.TenantIdFor(options.ShopId), command, http.RequestAborted));
        }

        app.MapPost("/webhooks/bitrix/order", OrderWebhook).AllowAnonymous().WithTags("Webhooks").WithSummary("Bitrix order webhook ({event, token, data}).");
        app.MapPost("/api/v1/webhooks/bitrix/order", OrderWebhook).AllowAnonymous().WithTags("Webhooks").WithSummary("Bitrix order webhook ({event, token, data}).");
        return app;
    }

    private static IResult Reply(WebhookReply reply) => Results.Json(reply.Body, statusCode: reply.StatusCode);

    private static IResult InvalidSecret() => Results.Json(new { detail = "Invalid webhook secret" }, statusCode: StatusCodes.Status401Unauthorized);

    private static IResult InvalidSignature() => Results.Json(new { detail = "Invalid webhook signature" }, statusCode: StatusCodes.Status401Unauthorized);

    private static async Task<byte[]> ReadBodyAsync(HttpContext http, BitrixOptions options)
    {
        if (http.Request.ContentLength > options.MaxBodyBytes)
            throw new BadHttpRequestException($"The body is larger than {options.MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > options.MaxBodyBytes)
                throw new BadHttpRequestException($"The body is larger than {options.MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }
        return buffer.ToArray();
    }

    private static bool SecretMatches(string? given, BitrixOptions options) => Auth.Secrets.Match(given, options.WebhookSecret);

    /// <summary>
    /// Standard Webhooks: when a signing key is configured, <c>webhook-signature</c> must hold a <c>v1,</c> HMAC-SHA256 of
    /// <c>{webhook-id}.{webhook-timestamp}.{body}</c>, and the timestamp must be within five minutes.
    /// </summary>
    private static bool SignatureHolds(HttpContext http, byte[] body, BitrixOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey)) return true;
        var id = http.Request.Headers["webhook-id"].ToString();
        var timestamp = http.Request.Headers["webhook-timestamp"].ToString();
        var signatures = http.Request.Headers["webhook-signature"].ToString();
        if (id.Length == 0 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300) return false;

        var key = options.SigningKey.StartsWith("whsec_", StringComparison.Ordinal) ? options.SigningKey[6..] : options.SigningKey;
        byte[] secret;
        try { secret = Convert.FromBase64String(key); }
        catch (FormatException) { return false; }
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body];
        var expected = HMACSHA256.HashData(secret, signed);
        return signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Select(s => { try { return Convert.FromBase64String(s[3..]); } catch (FormatException) { return []; } })
            .Any(s => CryptographicOperations.FixedTimeEquals(s, expected));
    }

    private static JsonObject ParseObject(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw Invalid("body", "The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw Invalid("body", "The body is not valid JSON: " + e.Message.Split(" Path:")[0]);
        }
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);

    private static string? String(JsonObject json, string name) => json[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => throw Invalid(name, $"'{name}' must be a string."),
    };

    private static long? OptionalLong(JsonObject json, string name) => json[name] is null ? null : Long(json, name);

    /// <summary>An integer, also when PHP sent it as a numeric string; anything else is a 422.</summary>
    private static long? Long(JsonObject json, string name) => json[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => throw Invalid(name, $"'{name}' must be an integer."),
    };
}
