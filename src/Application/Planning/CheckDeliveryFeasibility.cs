using Cvety.Application.Shops;
using Cvety.Domain.Products;
using Cvety.Domain.Shops;
using FluentValidation;
using Marten;

namespace Cvety.Application.Planning;

/// <summary>
/// Whether the shop can deliver on a date at all: a closed day, today after the cut-off, or products whose making takes
/// longer (<c>manufacturingTime</c>, hours) than is left; with the earliest date that works when this one does not.
/// </summary>
public sealed record CheckDeliveryFeasibility(int ShopId, DateOnly? DeliveryDate, IReadOnlyList<int>? ProductIds)
{
    public sealed class Validator : AbstractValidator<CheckDeliveryFeasibility>
    {
        public Validator()
        {
            RuleFor(x => x.DeliveryDate).NotNull();
            RuleFor(x => x.ProductIds).Must(p => p is null || p.Count <= 50).WithMessage("At most 50 products.");
        }
    }
}

/// <summary>
/// Whether it works, why not, the earliest date that does; <c>earliest_delivery</c> (what the MCP server reads) is the
/// first free slot's start on the date that works, naive in the shop's time.
/// </summary>
public sealed record DeliveryFeasibility(bool Feasible, string? Reason, string? EarliestDate, int AvailableSlots, string? EarliestDelivery = null);

public static class CheckDeliveryFeasibilityHandler
{
    public static async Task<DeliveryFeasibility> Handle(CheckDeliveryFeasibility query, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var settings = await ShopWithSettings.LoadAsync(session, query.ShopId, ct);
        var making = 0;
        if (query.ProductIds is { Count: > 0 } ids)
            making = (await session.LoadManyAsync<Product>(ct, ids.Distinct().ToArray())).Max(p => (int?)p.ManufacturingTime) ?? 0;
        var now = clock.GetUtcNow();
        var date = query.DeliveryDate!.Value;
        var why = DeliveryPlanning.Infeasibility(date, settings.Hours, settings.Delivery, now, making);
        string? earliest = null;
        if (why is not null)
        {
            var today = DateOnly.FromDateTime(settings.Hours.Local(now).DateTime);
            for (var d = 0; d <= 30 && earliest is null; d++)
                if (DeliveryPlanning.Infeasibility(today.AddDays(d), settings.Hours, settings.Delivery, now, making) is null)
                    earliest = today.AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
        var slots = why is null ? DeliveryPlanning.Slots(date, settings.Hours, settings.Delivery, now).Count(s => s.Available) : 0;
        var day = why is null ? date : earliest is null ? (DateOnly?)null : DateOnly.ParseExact(earliest, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var first = day is { } feasibleDay ? DeliveryPlanning.Slots(feasibleDay, settings.Hours, settings.Delivery, now).FirstOrDefault(s => s.Available) : null;
        return new DeliveryFeasibility(why is null, why, earliest, slots, first is null ? null : DeliverySlotView.Naive(day!.Value, first.Start));
    }
}
