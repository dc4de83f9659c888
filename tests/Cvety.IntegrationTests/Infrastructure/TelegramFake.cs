using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cvety.IntegrationTests.Infrastructure;

public sealed record TelegramSent(DateTimeOffset At, string Method, long ChatId, string Text, string? Photo);

/// <summary>
/// A Telegram Bot API for the tests (shared/reference/telegram.md): sendMessage and sendPhoto under /bot{token}/,
/// recorded; chats can be made to answer 403 (blocked) and the next calls 429 with retry_after.
/// </summary>
public sealed class TelegramFake : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _token;
    private readonly ConcurrentQueue<TelegramSent> _sent = new();
    private readonly ConcurrentDictionary<long, bool> _blocked = new();
    private int _tooManyRequests;
    private int _generation;

    private TelegramFake(WebApplication app, string token)
    {
        _app = app;
        _token = token;
    }

    public string BaseUrl => _app.Urls.First();

    public IReadOnlyList<TelegramSent> Sent => _sent.ToArray();

    public IReadOnlyList<TelegramSent> SentTo(long chatId) => _sent.Where(s => s.ChatId == chatId).ToArray();

    /// <summary>Attempts answered 429 (recorded separately from what was delivered).</summary>
    public int RateLimitedAnswers;

    /// <summary>Attempts answered 403 because the chat blocked the bot.</summary>
    public int BlockedAnswers;

    public static async Task<TelegramFake> StartAsync(string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var fake = new TelegramFake(app, token);
        app.MapPost("/bot{token}/{method}", (string token, string method, HttpContext http) => fake.HandleAsync(token, method, http));
        await app.StartAsync();
        return fake;
    }

    public void Block(long chatId) => _blocked[chatId] = true;

    /// <summary>The next <paramref name="count"/> calls answer 429 with retry_after = 1.</summary>
    public void RateLimitNext(int count) => Interlocked.Exchange(ref _tooManyRequests, count);

    public void Reset()
    {
        Interlocked.Increment(ref _generation);
        _sent.Clear();
        _blocked.Clear();
        Interlocked.Exchange(ref _tooManyRequests, 0);
        RateLimitedAnswers = 0;
        BlockedAnswers = 0;
    }

    private async Task<IResult> HandleAsync(string token, string method, HttpContext http)
    {
        var generation = Volatile.Read(ref _generation);
        if (token != _token) return Results.Json(new { ok = false, error_code = 401, description = "Unauthorized" }, statusCode: 401);
        var body = await JsonDocument.ParseAsync(http.Request.Body);
        var root = body.RootElement;
        if (!root.TryGetProperty("chat_id", out var chat) || !chat.TryGetInt64(out var chatId))
            return Results.Json(new { ok = false, error_code = 400, description = "Bad Request: chat_id is empty" }, statusCode: 400);
        if (_blocked.ContainsKey(chatId))
        {
            if (generation == Volatile.Read(ref _generation)) Interlocked.Increment(ref BlockedAnswers);
            return Results.Json(new { ok = false, error_code = 403, description = "Forbidden: bot was blocked by the user" }, statusCode: 403);
        }
        if (Interlocked.Decrement(ref _tooManyRequests) >= 0)
        {
            Interlocked.Increment(ref RateLimitedAnswers);
            return Results.Json(new { ok = false, error_code = 429, description = "Too Many Requests: retry after 1", parameters = new { retry_after = 1 } }, statusCode: 429);
        }
        var text = root.TryGetProperty(method == "sendPhoto" ? "caption" : "text", out var t) ? t.GetString() ?? "" : "";
        if (text.Length == 0 || (method == "sendMessage" && text.Length > 4096))
            return Results.Json(new { ok = false, error_code = 400, description = "Bad Request: message text is empty or too long" }, statusCode: 400);
        var photo = root.TryGetProperty("photo", out var p) ? p.GetString() : null;
        if (generation == Volatile.Read(ref _generation)) _sent.Enqueue(new TelegramSent(DateTimeOffset.UtcNow, method, chatId, text, photo));
        return Results.Json(new { ok = true, result = new { message_id = _sent.Count, chat = new { id = chatId }, text } });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
