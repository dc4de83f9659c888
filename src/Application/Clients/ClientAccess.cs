using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Marten;

namespace Cvety.Application.Clients;

/// <summary>What the client use cases share: loading a card of the shop, and appending to its stream.</summary>
public static class ClientAccess
{
    public static async Task<ClientCard> LoadAsync(IQuerySession session, Guid clientId, CancellationToken ct) =>
        await session.LoadAsync<ClientCard>(clientId, ct) ?? throw new NotFoundException("Client", clientId);

    public static async Task<ClientCard?> FindByPhoneAsync(IQuerySession session, string phone, CancellationToken ct) =>
        await session.Query<ClientCard>().FirstOrDefaultAsync(c => c.Phone == phone || c.OtherPhones.Contains(phone), ct);

    /// <summary>Appends to the client's stream, which may not exist yet (a card known from orders alone): appending starts it.</summary>
    public static void Append(this IDocumentSession session, Guid clientId, params object[] events)
    {
        if (events.Length == 0) return;
        session.Events.Append(clientId, events);
    }
}
