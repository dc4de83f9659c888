using Cvety.Domain.Common;

namespace Cvety.Domain.Clients;

/// <summary>What a client's card holds that staff edit, with phones in Cvety's form and texts trimmed.</summary>
public sealed record ClientFields(string? Name, string Phone, string? Email, IReadOnlyList<string> OtherPhones, IReadOnlyList<string> Tags,
    string? DefaultAddress, string? Notes);

/// <summary>What a decision needs to know of a client.</summary>
public sealed record ClientState(Guid Id, string Phone, string? Name, long? TelegramUserId, string? TelegramUsername, string? TelegramFirstName);

/// <summary>Pure decisions about a client's card: only what differs is recorded, so saving an unchanged card records nothing.</summary>
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

    /// <summary>Staff save the card: the details as one event holding every new value, the notes as their own.</summary>
    public static object[] Change(Guid clientId, ClientFields current, ClientFields wanted, Origin by)
    {
        var events = new List<object>();
        var same = wanted.Name == current.Name && wanted.Phone == current.Phone && wanted.Email == current.Email
            && wanted.DefaultAddress == current.DefaultAddress && wanted.OtherPhones.SequenceEqual(current.OtherPhones) && wanted.Tags.SequenceEqual(current.Tags);
        if (!same) events.Add(new ClientDetailsChanged(clientId, wanted.Name, wanted.Phone, wanted.Email, wanted.OtherPhones, wanted.Tags, wanted.DefaultAddress, by));
        if ((wanted.Notes ?? "") != (current.Notes ?? "")) events.Add(new ClientNotesChanged(clientId, wanted.Notes, by));
        return [.. events];
    }

    /// <summary>Staff write the notes alone; blank notes are no notes.</summary>
    public static object[] SetNotes(Guid clientId, string? current, string? wanted, Origin by)
    {
        var notes = string.IsNullOrWhiteSpace(wanted) ? null : wanted.Trim();
        return notes == current ? [] : [new ClientNotesChanged(clientId, notes, by)];
    }
}
