using Cvety.Application.Orders;
using Cvety.Application.Common;
using Cvety.Domain.Clients;
using Marten;

namespace Cvety.Application.Clients;

/// <summary>
/// Every change to a client's card: registrations, details, notes, privacy, Telegram, erasure requests, who made each
/// and from where. Orders are not here: the client page lists them, and each has its own timeline.
/// </summary>
public sealed record GetClientHistory(Guid ClientId);

public static class GetClientHistoryHandler
{
    public static async Task<IReadOnlyList<HistoryEntry>> Handle(GetClientHistory query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        currentUser.RequireStaff();
        var card = await ClientAccess.LoadAsync(session, query.ClientId, ct);
        var events = await session.Events.FetchStreamAsync(card.Id, token: ct);
        return ChangeHistory.Of(events, data => (data as IClientEvent)?.By);
    }
}
