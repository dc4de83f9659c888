using Marten;
using Microsoft.Extensions.Logging;

namespace Cvety.Application.Notifications;

/// <summary>One message to one chat. Leaves through the outbox; a chat that blocked the bot gets nothing more.</summary>
public sealed record SendTelegram(long ChatId, string Text, string? PhotoUrl = null);

/// <summary>A chat that told us to stop (403). Global: a person's chat is the same whichever shop writes.</summary>
public sealed record BlockedTelegramChat(string Id, DateTimeOffset BlockedAt, string Reason)
{
    public static string KeyOf(long chatId) => chatId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public static class SendTelegramHandler
{
    public static async Task Handle(SendTelegram message, IDocumentSession session, ITelegramBot bot, TimeProvider clock, ILogger<SendTelegram> logger, CancellationToken ct)
    {
        var key = BlockedTelegramChat.KeyOf(message.ChatId);
        if (await session.LoadAsync<BlockedTelegramChat>(key, ct) is not null) return;
        try
        {
            if (message.PhotoUrl is { } photo) await bot.SendPhotoAsync(message.ChatId, photo, message.Text, ct);
            else await bot.SendMessageAsync(message.ChatId, message.Text, ct);
        }
        catch (TelegramChatBlockedException e)
        {
            logger.LogInformation("Telegram chat {ChatId} blocked the bot; no more messages go there", message.ChatId);
            session.Store(new BlockedTelegramChat(key, clock.GetUtcNow(), e.Message));
        }
    }
}
