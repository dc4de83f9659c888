using Cvety.Application.Common;
using Cvety.Domain.Common;
using Cvety.Domain.Shops;
using FluentValidation;
using Marten;

namespace Cvety.Application.Shops;

/// <summary>
/// A DIRECTOR or MANAGER sets delivery: zones with a price and a free-delivery threshold (tiyn), the express
/// surcharge, the time after which same-day orders are no longer taken, the slot length in minutes, and whether
/// pickup and delivery are offered. The legacy settings screen's <c>delivery_cost</c> and <c>free_delivery_amount</c>
/// (tiyn) are the first zone's price and threshold.
/// </summary>
public sealed record SetDeliverySettings(int ShopId, IReadOnlyList<DeliveryZoneView>? Zones, long? ExpressSurcharge, string? SameDayCutoff, int? SlotMinutes,
    long? DeliveryCost = null, long? FreeDeliveryAmount = null, bool? PickupAvailable = null, bool? DeliveryAvailable = null)
{
    public sealed class Validator : AbstractValidator<SetDeliverySettings>
    {
        public Validator()
        {
            RuleFor(x => x.Zones).Must(z => z is null || (z.Count is > 0 and <= 50 && z.Select(x => x.Name?.Trim().ToLowerInvariant()).Distinct().Count() == z.Count))
                .WithMessage("'zones' holds 1 to 50 zones with different names.");
            RuleForEach(x => x.Zones).ChildRules(zone =>
            {
                zone.RuleFor(z => z.Name).NotEmpty().MaximumLength(100);
                zone.RuleFor(z => z.Price).InclusiveBetween(0, 1_000_000_00);
                zone.RuleFor(z => z.FreeFrom).InclusiveBetween(0, 100_000_000_00);
            });
            RuleFor(x => x.ExpressSurcharge).InclusiveBetween(0, 1_000_000_00);
            RuleFor(x => x.SameDayCutoff).MustBeHour();
            RuleFor(x => x.SlotMinutes).InclusiveBetween(30, 720);
            RuleFor(x => x.DeliveryCost).InclusiveBetween(0, 1_000_000_00);
            RuleFor(x => x.FreeDeliveryAmount).InclusiveBetween(0, 100_000_000_00);
            RuleFor(x => x).Must(x => x.PickupAvailable != false || x.DeliveryAvailable != false)
                .WithMessage("At least one fulfillment method (pickup or delivery) must be available").OverridePropertyName("delivery_available");
        }
    }
}

public static class SetDeliverySettingsHandler
{
    // The session: a shop's stream is named by its integer id (see ShopStreams).
    public static async Task Handle(SetDeliverySettings command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = currentUser.RequireShopEditor(command.ShopId);
        var current = await ShopWithSettings.LoadAsync(session, command.ShopId, ct);
        var old = current.Delivery;
        var zones = command.Zones?.Select(z => z.ToZone()).ToList() ?? [.. old.Zones];
        if ((command.DeliveryCost ?? command.FreeDeliveryAmount) is not null && zones.Count > 0)
            zones[0] = zones[0] with
            {
                Price = command.DeliveryCost is { } cost ? new Money(cost) : zones[0].Price,
                FreeFrom = command.FreeDeliveryAmount is { } free ? (free > 0 ? new Money(free) : null) : zones[0].FreeFrom,
            };
        var delivery = new DeliverySettings(
            zones,
            command.ExpressSurcharge is { } express ? new Money(express) : old.ExpressSurcharge,
            command.SameDayCutoff is { } cutoff && HourText.TryParse(cutoff, out var time) ? time : old.SameDayCutoff,
            command.SlotMinutes ?? old.SlotMinutes,
            command.PickupAvailable ?? old.PickupAvailable,
            command.DeliveryAvailable ?? old.DeliveryAvailable);
        session.Append(current.Shop, ShopDecisions.SetDelivery(current.Shop, delivery, origin));
    }
}
