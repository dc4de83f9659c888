using FluentValidation;
using Marten;

namespace Cvety.Application.Shops;

/// <summary>What delivery costs for an order of <see cref="Total"/> tiyn: the zone's price (the first zone unless named), free from its threshold.</summary>
public sealed record CalculateDeliveryCost(int ShopId, long Total, string? Zone, bool Express)
{
    public sealed class Validator : AbstractValidator<CalculateDeliveryCost>
    {
        public Validator()
        {
            RuleFor(x => x.Total).InclusiveBetween(0, 100_000_000_00);
            RuleFor(x => x.Zone).MaximumLength(100);
        }
    }
}

public sealed record DeliveryQuote(long Total, long DeliveryCost, string Zone, long? FreeFrom, bool IsFree, long TotalWithDelivery);

public static class CalculateDeliveryCostHandler
{
    public static async Task<DeliveryQuote> Handle(CalculateDeliveryCost query, IQuerySession session, CancellationToken ct)
    {
        var delivery = (await ShopWithSettings.LoadAsync(session, query.ShopId, ct)).Delivery;
        var zone = delivery.Zones.FirstOrDefault(z => string.Equals(z.Name, query.Zone, StringComparison.OrdinalIgnoreCase)) ?? delivery.Zones[0];
        var cost = delivery.CostFor(new Domain.Common.Money(query.Total), zone.Name, query.Express);
        return new DeliveryQuote(query.Total, cost.Tiyn, zone.Name, zone.FreeFrom?.Tiyn, cost.Tiyn == 0, query.Total + cost.Tiyn);
    }
}
