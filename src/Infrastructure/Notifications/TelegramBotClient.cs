using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cvety.Application.Notifications;
using Cvety.Infrastructure.Database;

namespace Cvety.Infrastructure.Notifications;

/// <summary>
/// The Bot API (<c>{BaseUrl}/bot{token}/sendMessage|sendPhoto</c>) behind <see cref="ITelegramBot"/>, kept within
/// Telegram's limits by <see cref="TelegramRateGate"/>; 429 pauses the chat for <c>retry_after</c>, 403 means blocked.
/// </summary>
public sealed class TelegramBotClient(HttpClient http, TelegramOptions options, TelegramRateGate gate) : ITelegramBot
{
    public Task SendMessageAsync(long chatId, string html, CancellationToken ct) =>
        SendAsync(chatId, "sendMessage", new Dictionary<string, object> { ["chat_id"] = chatId, ["text"] = Cut(html, 4096), ["parse_mode"] = "HTML" }, ct);

    public Task SendPhotoAsync(long chatId, string photoUrl, string caption, CancellationToken ct) =>
        SendAsync(chatId, "sendPhoto", new Dictionary<string, object> { ["chat_id"] = chatId, ["photo"] = photoUrl, ["caption"] = Cut(caption, 1024), ["parse_mode"] = "HTML" }, ct);

    private async Task SendAsync(long chatId, string method, Dictionary<string, object> payload, CancellationToken ct)
    {
        await gate.WaitTurnAsync(chatId, ct);
        var url = $"{options.BaseUrl.TrimEnd('/')}/bot{options.BotToken}/{method}";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(payload) };
        // The token is part of the URL: never put the URL in a message.
        using (var response = await TimedHttp.SendAsync(http, request, TimeSpan.FromSeconds(options.TimeoutSeconds),
                   e => new TelegramUnavailableException($"Telegram did not answer {method}: {e.GetType().Name}", e), ct))
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonElement? body = null;
            try
            {
                body = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
            }
            var description = body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("description", out var d) ? d.ToString() : "";
            switch (response.StatusCode)
            {
                case HttpStatusCode.TooManyRequests:
                    var retryAfter = body is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("parameters", out var p)
                        && p.TryGetProperty("retry_after", out var s) && s.TryGetInt32(out var seconds) ? seconds : 5;
                    await gate.PauseAsync(chatId, TimeSpan.FromSeconds(retryAfter), ct);
                    throw new TelegramRateLimitedException(TimeSpan.FromSeconds(retryAfter));
                case HttpStatusCode.Forbidden:
                    throw new TelegramChatBlockedException(chatId, description);
                case >= HttpStatusCode.InternalServerError:
                    throw new TelegramUnavailableException($"Telegram answered {(int)response.StatusCode} to {method}: {description}");
                case >= HttpStatusCode.BadRequest:
                    throw new TelegramRejectedException($"Telegram refused {method} for chat {chatId}: {(int)response.StatusCode} {description}");
            }
        }
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>
/// Telegram's limits for the whole cluster: one message a second per private chat, one every three seconds per group
/// (20 a minute), 30 a second in all. Every send takes its turn in those queues, kept in PostgreSQL
/// (<see cref="ClusterLimits"/>), and waits for it, so that two API nodes together keep the pace one would; a chat told
/// to wait (429) waits out Telegram's retry_after on every node.
/// </summary>
public sealed class TelegramRateGate(TelegramOptions options, ClusterLimits limits, TimeProvider clock)
{
    public async Task WaitTurnAsync(long chatId, CancellationToken ct)
    {
        // Group and channel ids are negative.
        var perChat = chatId < 0 ? options.PerGroupInterval : options.PerChatInterval;
        var turn = await limits.TakeTurnAsync([(Chat(chatId), perChat), ("telegram:all", TimeSpan.FromSeconds(1.0 / options.GlobalPerSecond))], ct);
        if (turn - clock.GetUtcNow() is { Ticks: > 0 } wait) await Task.Delay(wait, clock, ct);
    }

    public Task PauseAsync(long chatId, TimeSpan retryAfter, CancellationToken ct) => limits.PauseAsync(Chat(chatId), clock.GetUtcNow() + retryAfter, ct);

    private static string Chat(long chatId) => "telegram:chat:" + chatId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
