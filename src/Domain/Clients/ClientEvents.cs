using System.Security.Cryptography;
using System.Text;
using Cvety.Domain.Common;

namespace Cvety.Domain.Clients;

/// <summary>A person a shop knows by phone. Everything a shop learns about its client is one of these events, or an order.</summary>
public interface IClientEvent
{
    Guid ClientId { get; }
    Origin By { get; }
}

/// <summary>A client's id: the shop and the phone the shop first knew them by, so orders and registrations meet on one card.</summary>
public static class ClientIds
{
    public static Guid For(int shopId, string phone) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"cvety-client:{shopId}:{phone}"))[..16]);
}

public sealed record ClientRegistered(Guid ClientId, int ShopId, string Phone, string? Name, Origin By, string? Email = null) : IClientEvent;

public sealed record ClientRenamed(Guid ClientId, string Name, Origin By) : IClientEvent;

/// <summary>The client shared their contact with the shop's bot: their Telegram account is theirs from now on.</summary>
public sealed record ClientTelegramLinked(Guid ClientId, long TelegramUserId, string? Username, string? FirstName, Origin By) : IClientEvent;

/// <summary>Staff changed the client's details: each field holds its new value.</summary>
public sealed record ClientDetailsChanged(Guid ClientId, string? Name, string Phone, string? Email, IReadOnlyList<string> OtherPhones,
    IReadOnlyList<string> Tags, string? DefaultAddress, Origin By) : IClientEvent;

public sealed record ClientNotesChanged(Guid ClientId, string? Notes, Origin By) : IClientEvent;

/// <summary>The client opted out of (or back into) personalisation: the AI agent then sees no history or preferences.</summary>
public sealed record ClientPrivacyChanged(Guid ClientId, bool PersonalisationAllowed, Origin By) : IClientEvent;

/// <summary>
/// The client asked to be forgotten. Recorded for staff to carry out; order history is not deleted (it is the shop's
/// accounting record), and the card stops being offered for personalisation.
/// </summary>
public sealed record ClientErasureRequested(Guid ClientId, string? Reason, Origin By) : IClientEvent;

/// <summary>
/// Staff carried out an erasure: the card forgets the client's name, phones, email, tags, notes, addresses and
/// Telegram account, and is never offered for personalisation; the client's earlier events and their orders' events
/// are masked (<see cref="PersonalData"/>). An order placed later with the same phone starts filling the card again.
/// </summary>
public sealed record ClientDataErased(Guid ClientId, string? Reason, Origin By) : IClientEvent;
