using Cvety.Application.Orders;
using Cvety.Domain.Clients;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Cvety.Application.Clients;

public sealed record ClientAddress(string Address, DateTimeOffset LastUsedAt, int Orders);

/// <summary>
/// A shop's client as staff, the bots and the AI agent see them: a projection of the client's own events and of the
/// orders placed with their phone. Orders count whatever became of them; the client page counts delivered and
/// cancelled apart (<see cref="GetClient"/>).
/// </summary>
public sealed class ClientCard
{
    public Guid Id { get; set; }
    public int ShopId { get; set; }
    public string Phone { get; set; } = "";
    public string? Name { get; set; }
    public string? Email { get; set; }
    public List<string> OtherPhones { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    public string? Notes { get; set; }
    public List<ClientAddress> Addresses { get; set; } = [];
    public string? DefaultAddress { get; set; }
    public long? TelegramUserId { get; set; }
    public string? TelegramUsername { get; set; }
    public string? TelegramFirstName { get; set; }
    public bool PersonalisationAllowed { get; set; } = true;
    public DateTimeOffset? ErasureRequestedAt { get; set; }

    /// <summary>When staff last carried out an erasure (<see cref="ClientDataErased"/>).</summary>
    public DateTimeOffset? ErasedAt { get; set; }
    public int OrdersCount { get; set; }
    public long OrdersTotal { get; set; }
    public DateTimeOffset? FirstOrderAt { get; set; }
    public DateTimeOffset? LastOrderAt { get; set; }
    public List<Guid> OrderIds { get; set; } = [];

    /// <summary>The number of the latest order placed with this phone.</summary>
    public string? LastOrderNumber { get; set; }

    /// <summary>
    /// The latest order's status now. Not stored: the card follows orders as they are placed, not their moves, so the
    /// client list reads it from the order itself (<see cref="ListClientsHandler"/>).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? LastOrderStatus { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The last order, or the registration for a client without orders: what the client list sorts by.</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    public ClientState State => new(Id, Phone, Name, TelegramUserId, TelegramUsername, TelegramFirstName);
}

public sealed partial class ClientCardProjection : MultiStreamProjection<ClientCard, Guid>
{
    public ClientCardProjection()
    {
        Identity<IClientEvent>(e => e.ClientId);
        // An order belongs to the card of its customer's phone in its shop; orders without a phone (some Bitrix ones) to none.
        Identities<OrderPlaced>(e => string.IsNullOrWhiteSpace(e.Customer.Phone) ? [] : [ClientIds.For(e.ShopId, e.Customer.Phone)]);
    }

    public ClientCard Create(IEvent<ClientRegistered> e) => new()
    {
        Id = e.Data.ClientId, ShopId = e.Data.ShopId, Phone = e.Data.Phone, Name = e.Data.Name, Email = e.Data.Email,
        CreatedAt = e.At(), UpdatedAt = e.At(), LastSeenAt = e.At(),
    };

    public ClientCard Create(IEvent<OrderPlaced> e) => Apply(e, new ClientCard
    {
        Id = ClientIds.For(e.Data.ShopId, e.Data.Customer.Phone), ShopId = e.Data.ShopId, Phone = e.Data.Customer.Phone, CreatedAt = e.At(),
    });

    /// <summary>Registered after their first order (the bot, staff, or the sync): the card keeps its orders and takes the name if it had none.</summary>
    public void Apply(IEvent<ClientRegistered> e, ClientCard card)
    {
        card.Name ??= e.Data.Name;
        card.Email ??= e.Data.Email;
        card.UpdatedAt = e.At();
    }

    public ClientCard Apply(IEvent<OrderPlaced> e, ClientCard card)
    {
        var placed = e.Data;
        if (card.OrderIds.Contains(placed.OrderId)) return card;
        // An erased client ordering again with the same phone: the card knows the phone again.
        if (PersonalData.IsErasedPhone(card.Phone) && !string.IsNullOrWhiteSpace(placed.Customer.Phone)) card.Phone = placed.Customer.Phone;
        card.OrderIds.Add(placed.OrderId);
        card.OrdersCount++;
        card.OrdersTotal += placed.Total.Tiyn;
        card.LastOrderNumber = placed.OrderNumber;
        card.FirstOrderAt ??= e.At();
        card.LastOrderAt = e.At();
        card.LastSeenAt = e.At();
        if (string.IsNullOrWhiteSpace(card.Name) && !string.IsNullOrWhiteSpace(placed.Customer.Name)) card.Name = placed.Customer.Name;
        card.Email ??= placed.Customer.Email;
        if (placed.Customer.TelegramUserId is { } telegram) card.TelegramUserId ??= telegram;
        if (placed.Delivery.Address is { Length: > 0 } address)
        {
            var known = card.Addresses.FindIndex(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase));
            if (known >= 0) card.Addresses[known] = card.Addresses[known] with { LastUsedAt = e.At(), Orders = card.Addresses[known].Orders + 1 };
            else card.Addresses.Add(new ClientAddress(address, e.At(), 1));
            card.DefaultAddress ??= address;
        }
        card.UpdatedAt = e.At();
        return card;
    }

    public void Apply(IEvent<ClientRenamed> e, ClientCard card) => (card.Name, card.UpdatedAt) = (e.Data.Name, e.At());

    public void Apply(IEvent<ClientTelegramLinked> e, ClientCard card)
    {
        (card.TelegramUserId, card.TelegramUsername, card.TelegramFirstName) = (e.Data.TelegramUserId, e.Data.Username, e.Data.FirstName);
        card.UpdatedAt = e.At();
    }

    public void Apply(IEvent<ClientDetailsChanged> e, ClientCard card)
    {
        var d = e.Data;
        (card.Name, card.Phone, card.Email, card.OtherPhones, card.Tags, card.DefaultAddress) = (d.Name, d.Phone, d.Email, [.. d.OtherPhones], [.. d.Tags], d.DefaultAddress);
        card.UpdatedAt = e.At();
    }

    public void Apply(IEvent<ClientNotesChanged> e, ClientCard card) => (card.Notes, card.UpdatedAt) = (e.Data.Notes, e.At());

    public void Apply(IEvent<ClientPrivacyChanged> e, ClientCard card) => (card.PersonalisationAllowed, card.UpdatedAt) = (e.Data.PersonalisationAllowed, e.At());

    public void Apply(IEvent<ClientErasureRequested> e, ClientCard card)
    {
        card.ErasureRequestedAt ??= e.At();
        card.PersonalisationAllowed = false;
        card.UpdatedAt = e.At();
    }

    public void Apply(IEvent<ClientDataErased> e, ClientCard card)
    {
        (card.Name, card.Email, card.Notes, card.DefaultAddress) = (null, null, null, null);
        (card.OtherPhones, card.Tags, card.Addresses) = ([], [], []);
        (card.TelegramUserId, card.TelegramUsername, card.TelegramFirstName) = (null, null, null);
        card.Phone = PersonalData.ErasedPhone(card.Id);
        card.PersonalisationAllowed = false;
        card.ErasureRequestedAt = null;
        card.ErasedAt = e.At();
        card.UpdatedAt = e.At();
    }
}
