using Cvety.Application.Common;
using Cvety.Domain.Common;
using Cvety.Domain.Shops;
using FluentValidation;
using Marten;

namespace Cvety.Application.Shops;

/// <summary>
/// A DIRECTOR or MANAGER sets delivery: zones with a price and a free-delivery threshold (tiyn), the express
/// surcharge, the time after which same-day orders are no longer taken, and the slot length in minutes.
/// </summary>
public sealed record SetDeliverySettings(int ShopId, IReadOnlyList<DeliveryZoneView>? Zones, long? ExpressSurcharge, string? SameDayCutoff, int? SlotMinutes)
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
        var delivery = new DeliverySettings(
            command.Zones?.Select(z => z.ToZone()).ToList() ?? old.Zones,
            command.ExpressSurcharge is { } express ? new Money(express) : old.ExpressSurcharge,
            command.SameDayCutoff is { } cutoff && HourText.TryParse(cutoff, out var time) ? time : old.SameDayCutoff,
            command.SlotMinutes ?? old.SlotMinutes);
        session.Append(current.Shop, origin, new DeliverySettingsSet(command.ShopId, delivery, origin));
    }
}
