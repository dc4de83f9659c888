using Cvety.Application.Shops;
using Cvety.Domain.Shops;
using FluentValidation;
using Marten;

namespace Cvety.Application.Planning;

/// <summary>Whether a delivery at this date and time can be taken: <c>{valid, reason, slot}</c>. The time may be "14:00" or a slot "14:00-16:00".</summary>
public sealed record ValidateDeliveryTime(int ShopId, DateOnly? DeliveryDate, string? DeliveryTime)
{
    public sealed class Validator : AbstractValidator<ValidateDeliveryTime>
    {
        public Validator()
        {
            RuleFor(x => x.DeliveryDate).NotNull();
            RuleFor(x => x.DeliveryTime).NotEmpty().MaximumLength(20)
                .Must(t => t is null || HourText.TryParse(t.Split('-')[0], out _)).WithMessage("'delivery_time' must be a time such as 14:00 or a slot such as 14:00-16:00.");
        }
    }
}

/// <summary>The verdict; <c>delivery_time</c> and <c>alternative_slots</c> (the day's free slots when this one is not) are the legacy answer's.</summary>
public sealed record DeliveryValidity(bool Valid, string? Reason, string? Slot, string? DeliveryTime = null, IReadOnlyList<DeliverySlotView>? AlternativeSlots = null);

public static class ValidateDeliveryTimeHandler
{
    public static async Task<DeliveryValidity> Handle(ValidateDeliveryTime query, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var settings = await ShopWithSettings.LoadAsync(session, query.ShopId, ct);
        var date = query.DeliveryDate!.Value;
        HourText.TryParse(query.DeliveryTime!.Split('-')[0], out var time);
        var now = clock.GetUtcNow();
        var asked = DeliverySlotView.Naive(date, time);
        if (DeliveryPlanning.Infeasibility(date, settings.Hours, settings.Delivery, now) is { } why) return new DeliveryValidity(false, why, null, asked, []);
        var slots = DeliveryPlanning.Slots(date, settings.Hours, settings.Delivery, now);
        var slot = slots.FirstOrDefault(s => time >= s.Start && time < s.End);
        var alternatives = slots.Where(s => s.Available).Select(s => DeliverySlotView.Of(date, s)).ToList();
        return slot switch
        {
            null => new DeliveryValidity(false, "Это время вне часов доставки магазина", null, asked, alternatives),
            { Available: false } => new DeliveryValidity(false, slot.Reason, slot.Label, asked, alternatives),
            _ => new DeliveryValidity(true, null, slot.Label, asked),
        };
    }
}
