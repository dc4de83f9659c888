namespace Cvety.Application.Notifications;

/// <summary>The Telegram Bot API: sendMessage (HTML) and sendPhoto. The adapter keeps to Telegram's rate limits.</summary>
public interface ITelegramBot
{
    Task SendMessageAsync(long chatId, string html, CancellationToken ct);

    Task SendPhotoAsync(long chatId, string photoUrl, string caption, CancellationToken ct);
}

/// <summary>Telegram answered 429: wait <see cref="RetryAfter"/> before sending to that chat again.</summary>
public sealed class TelegramRateLimitedException(TimeSpan retryAfter) : Exception($"Telegram asks to wait {retryAfter.TotalSeconds:0} s.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>Telegram answered 403: the user blocked the bot (or the bot left the group). Stop sending there.</summary>
public sealed class TelegramChatBlockedException(long chatId, string description) : Exception($"Chat {chatId}: {description}");

/// <summary>Telegram could not be reached or failed on its side.</summary>
public sealed class TelegramUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Telegram refused the message itself (400: bad chat id, text too long...): sending it again will not help.</summary>
public sealed class TelegramRejectedException(string message) : Exception(message);
