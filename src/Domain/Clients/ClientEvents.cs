using Cvety.Domain.Common;

namespace Cvety.Domain.Clients;

/// <summary>A person a shop knows by phone. Everything a shop learns about its client is one of these events.</summary>
public interface IClientEvent
{
    Guid ClientId { get; }
}

public sealed record ClientRegistered(Guid ClientId, int ShopId, string Phone, string? Name, Origin By) : IClientEvent;

public sealed record ClientRenamed(Guid ClientId, string Name, Origin By) : IClientEvent;

/// <summary>The client shared their contact with the shop's bot: their Telegram account is theirs from now on.</summary>
public sealed record ClientTelegramLinked(Guid ClientId, long TelegramUserId, string? Username, string? FirstName, Origin By) : IClientEvent;

/// <summary>What a decision needs to know of a client.</summary>
public sealed record ClientState(Guid Id, string Phone, string? Name, long? TelegramUserId, string? TelegramUsername, string? TelegramFirstName);

public static class ClientDecisions
{
    /// <summary>
    /// A person registers through the shop's bot, or registers again: a new client when the shop knows neither the
    /// Telegram account nor the phone, otherwise only what changed. A Telegram account belongs to one client per shop.
    /// </summary>
    public static object[] RegisterFromTelegram(ClientState? current, Guid newId, int shopId, string phone, string? name,
        long telegramUserId, string? username, string? firstName, Origin by)
    {
        var events = new List<object>();
        var id = current?.Id ?? newId;
        if (current is null) events.Add(new ClientRegistered(id, shopId, phone, name, by));
        else if (!string.IsNullOrWhiteSpace(name) && name != current.Name) events.Add(new ClientRenamed(id, name, by));
        if (current is null || current.TelegramUserId != telegramUserId || current.TelegramUsername != username || current.TelegramFirstName != firstName)
            events.Add(new ClientTelegramLinked(id, telegramUserId, username, firstName, by));
        return [.. events];
    }
}
