using Cvety.Application.Orders;
using Cvety.Domain.Shops;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Cvety.Application.Shops;

/// <summary>A shop's settings, folded from its stream: profile, working hours, delivery. Unset parts are null (defaults apply).</summary>
public sealed class ShopSettings
{
    public int Id { get; set; }
    public ShopProfile Profile { get; set; } = new();
    public WorkingHours? Hours { get; set; }
    public DeliverySettings? Delivery { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed partial class ShopSettingsProjection : MultiStreamProjection<ShopSettings, int>
{
    public ShopSettingsProjection()
    {
        Identity<ShopProfileChanged>(e => e.ShopId);
        Identity<WorkingHoursSet>(e => e.ShopId);
        Identity<DeliverySettingsSet>(e => e.ShopId);
    }

    public void Apply(IEvent<ShopProfileChanged> e, ShopSettings settings) => (settings.Id, settings.Profile, settings.UpdatedAt) = (e.Data.ShopId, e.Data.Profile, e.At());

    public void Apply(IEvent<WorkingHoursSet> e, ShopSettings settings) => (settings.Id, settings.Hours, settings.UpdatedAt) = (e.Data.ShopId, e.Data.Hours, e.At());

    public void Apply(IEvent<DeliverySettingsSet> e, ShopSettings settings) => (settings.Id, settings.Delivery, settings.UpdatedAt) = (e.Data.ShopId, e.Data.Delivery, e.At());
}

/// <summary>The shop's offset from UTC, from its own settings: the clock its delivery dates and times are read in.</summary>
public static class ShopClock
{
    public static async Task<TimeSpan> OffsetAsync(IQuerySession session, int shopId, CancellationToken ct) =>
        (await session.Query<ShopSettings>().Where(s => s.AnyTenant() && s.Id == shopId).FirstOrDefaultAsync(ct))?.Hours?.UtcOffset
        ?? WorkingHours.Default.UtcOffset;
}

/// <summary>A shop with the settings that apply to it now, defaults filled in.</summary>
public sealed record ShopWithSettings(Shop Shop, ShopProfile Profile, WorkingHours Hours, DeliverySettings Delivery)
{
    /// <summary>Reads both from any session (they live outside every shop's tenant, see AccountsModule), in one round trip.</summary>
    public static async Task<ShopWithSettings> LoadAsync(IQuerySession session, int shopId, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var shop = batch.Query<Shop>().Where(s => s.AnyTenant() && s.Id == shopId).FirstOrDefault();
        var settings = batch.Query<ShopSettings>().Where(s => s.AnyTenant() && s.Id == shopId).FirstOrDefault();
        await batch.Execute(ct);
        var found = await shop ?? throw new Common.NotFoundException("Shop", shopId);
        var set = await settings;
        return new ShopWithSettings(found, set?.Profile ?? new ShopProfile(), set?.Hours ?? WorkingHours.Default, set?.Delivery ?? DeliverySettings.DefaultFor(found.DeliveryFee));
    }
}
