using Cvety.Application.Shops;
using Cvety.Domain.Shops;
using Marten;

namespace Cvety.Application.Planning;

/// <summary>A day's delivery slots from the shop's hours and slot length, each saying whether it can still be chosen.</summary>
public sealed record GetDeliverySlots(int ShopId, DateOnly Date);

/// <summary>A slot by its hours ("14:00"), and as the legacy answer had it: <c>start_time</c>, <c>end_time</c> naive in the shop's time.</summary>
public sealed record DeliverySlotView(string Start, string End, string Label, bool Available, string? Reason, string StartTime, string EndTime)
{
    public static DeliverySlotView Of(DateOnly date, DeliverySlot s) => new(HourText.Of(s.Start)!, HourText.Of(s.End)!, s.Label, s.Available, s.Reason,
        Naive(date, s.Start), Naive(date, s.End));

    public static string Naive(DateOnly date, TimeOnly time) =>
        date.ToDateTime(time).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record DeliveryDay(string Date, bool IsWorkingDay, string? Opens, string? Closes, IReadOnlyList<DeliverySlotView> Slots);

public static class GetDeliverySlotsHandler
{
    public static async Task<DeliveryDay> Handle(GetDeliverySlots query, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var settings = await ShopWithSettings.LoadAsync(session, query.ShopId, ct);
        var hours = settings.Hours.On(query.Date);
        var slots = DeliveryPlanning.Slots(query.Date, settings.Hours, settings.Delivery, clock.GetUtcNow());
        return new DeliveryDay(query.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), hours is not null,
            HourText.Of(hours?.Opens), HourText.Of(hours?.Closes),
            slots.Select(s => DeliverySlotView.Of(query.Date, s)).ToList());
    }
}
