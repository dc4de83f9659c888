using Cvety.Application.Orders;
using Cvety.Application.Common;
using Cvety.Domain.Shops;
using Marten;

namespace Cvety.Application.Shops;

/// <summary>
/// Who changed the shop's settings, hours and delivery, when and to what: the settings events of the shop's stream,
/// newest first. For the shop's own staff (and the superadmin).
/// </summary>
public sealed record GetShopSettingsHistory(int ShopId);

public static class GetShopSettingsHistoryHandler
{
    public static async Task<IReadOnlyList<HistoryEntry>> Handle(GetShopSettingsHistory query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var actor = currentUser.RequireStaff();
        if (!actor.BelongsTo(query.ShopId)) throw new NotFoundException("Shop", query.ShopId);
        var events = await session.Events.FetchStreamAsync(ShopStreams.StreamOf(query.ShopId), token: ct);
        var settings = events.Where(e => e.Data is ShopProfileChanged or ShopRenamed or WorkingHoursSet or DeliverySettingsSet).Reverse();
        return ChangeHistory.Of(settings, data => (data as IShopEvent)?.By);
    }
}
