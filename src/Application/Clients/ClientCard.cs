using Cvety.Domain.Clients;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Cvety.Application.Clients;

/// <summary>A shop's client as staff and the bots see them; a projection of the client's events.</summary>
public sealed class ClientCard
{
    public Guid Id { get; set; }
    public int ShopId { get; set; }
    public string Phone { get; set; } = "";
    public string? Name { get; set; }
    public long? TelegramUserId { get; set; }
    public string? TelegramUsername { get; set; }
    public string? TelegramFirstName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public ClientState State => new(Id, Phone, Name, TelegramUserId, TelegramUsername, TelegramFirstName);
}

public sealed partial class ClientCardProjection : SingleStreamProjection<ClientCard, Guid>
{
    public ClientCard Create(IEvent<ClientRegistered> e) => new()
    {
        Id = e.Data.ClientId, ShopId = e.Data.ShopId, Phone = e.Data.Phone, Name = e.Data.Name, CreatedAt = e.Timestamp, UpdatedAt = e.Timestamp,
    };

    public void Apply(IEvent<ClientRenamed> e, ClientCard card)
    {
        card.Name = e.Data.Name;
        card.UpdatedAt = e.Timestamp;
    }

    public void Apply(IEvent<ClientTelegramLinked> e, ClientCard card)
    {
        (card.TelegramUserId, card.TelegramUsername, card.TelegramFirstName) = (e.Data.TelegramUserId, e.Data.Username, e.Data.FirstName);
        card.UpdatedAt = e.Timestamp;
    }
}
