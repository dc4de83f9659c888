using System.Text.Json;
using Cvety.Application.Common;
using Marten;

namespace Cvety.Application.Bitrix;

/// <summary>What a webhook sender gets back: a status code and a body in the shape it relies on.</summary>
public sealed record WebhookReply(int StatusCode, Dictionary<string, object?> Body)
{
    public static WebhookReply Ok(Dictionary<string, object?> body) => new(200, body);

    /// <summary>Records a delivery as done, with its answer, in the same transaction as what it changed.</summary>
    public WebhookReply RememberAs(IDocumentSession session, string key, string source, DateTimeOffset now)
    {
        session.Insert(new InboundDelivery(key, source, now, JsonSerializer.Serialize(Body)));
        return this;
    }

    public static async Task<WebhookReply?> RememberedAsync(IQuerySession session, string key, CancellationToken ct) =>
        Remembered(await session.LoadAsync<InboundDelivery>(key, ct));

    /// <summary>The answer given to a delivery seen before, or null for a new one.</summary>
    public static WebhookReply? Remembered(InboundDelivery? seen) =>
        seen is null ? null : Ok(JsonSerializer.Deserialize<Dictionary<string, object?>>(seen.Response)!);
}
