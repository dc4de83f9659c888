using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Inventory;
using FluentValidation;
using Marten;

namespace Cvety.Application.Inventory;

/// <summary>
/// A new warehouse item (a kind of flower, ribbon, box ...), optionally with its first delivery. Prices in tiyn; the
/// admin SPA sends them in tenge (<c>cost_price_tenge</c>, <c>retail_price_tenge</c>), converted once, here.
/// </summary>
public sealed record AddWarehouseItem(string Name, long? CostPrice = null, long? RetailPrice = null, int MinQuantity = 0, int Quantity = 0, string? Image = null,
    decimal? CostPriceTenge = null, decimal? RetailPriceTenge = null)
{
    public Money Cost => CostPrice is { } tiyn ? new Money(tiyn) : CostPriceTenge is { } tenge ? Money.FromTenge(tenge) : Money.Zero;
    public Money Retail => RetailPrice is { } tiyn ? new Money(tiyn) : RetailPriceTenge is { } tenge ? Money.FromTenge(tenge) : Money.Zero;

    public sealed class Validator : AbstractValidator<AddWarehouseItem>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            RuleFor(x => x.CostPrice).InclusiveBetween(0, 100_000_000_00);
            RuleFor(x => x.RetailPrice).InclusiveBetween(0, 100_000_000_00);
            RuleFor(x => x.CostPriceTenge).InclusiveBetween(0, 100_000_000).Must(t => t is null || decimal.Round(t.Value, 2) == t.Value)
                .WithMessage("'cost_price_tenge' has at most two decimals.");
            RuleFor(x => x.RetailPriceTenge).InclusiveBetween(0, 100_000_000).Must(t => t is null || decimal.Round(t.Value, 2) == t.Value)
                .WithMessage("'retail_price_tenge' has at most two decimals.");
            RuleFor(x => x.MinQuantity).InclusiveBetween(0, InventoryDecisions.MaxQuantity);
            RuleFor(x => x.Quantity).InclusiveBetween(0, InventoryDecisions.MaxQuantity);
            RuleFor(x => x.Image).MaximumLength(2000);
        }
    }
}

public static class AddWarehouseItemHandler
{
    public static Guid Handle(AddWarehouseItem command, IDocumentSession session, ICurrentUser currentUser)
    {
        var origin = currentUser.RequireStockKeeper();
        var id = Guid.CreateVersion7();
        var added = new WarehouseItemAdded(id, Tenancy.ShopOf(session), command.Name.Trim(), command.Cost, command.Retail,
            command.MinQuantity, command.Image, origin);
        var item = WarehouseItem.Create(added);
        object[] first = command.Quantity > 0 ? InventoryDecisions.Deliver(item, command.Quantity, null, "initial stock", origin) : [];
        session.Events.StartStream<WarehouseItem>(id, [added, .. first]);
        return id;
    }
}
