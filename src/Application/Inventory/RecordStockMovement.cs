using Wolverine.Marten;
using Cvety.Application.Common;
using Cvety.Domain.Common;
using Cvety.Domain.Inventory;
using FluentValidation;
using Marten;

namespace Cvety.Application.Inventory;

/// <summary>
/// A stock operation on one item, as the legacy warehouse API names them: <c>delivery</c> (+quantity),
/// <c>writeoff</c> (−quantity, with a reason), <c>inventory</c> (the counted quantity), <c>price_change</c>
/// (cost and retail price in tiyn), <c>min_quantity</c>. Sales and reservations come from orders, never from here.
/// </summary>
public sealed record RecordStockMovement(Guid ItemId, string Operation, int? Quantity = null, long? CostPrice = null, long? RetailPrice = null, string? Reason = null)
{
    public static readonly string[] Operations = ["delivery", "writeoff", "inventory", "price_change", "min_quantity"];

    public sealed class Validator : AbstractValidator<RecordStockMovement>
    {
        public Validator()
        {
            RuleFor(x => x.Operation).Must(o => Operations.Contains(o)).WithMessage("'Operation' must be one of " + string.Join(", ", Operations) + ".");
            RuleFor(x => x.Quantity).NotNull().When(x => x.Operation is "delivery" or "writeoff" or "inventory" or "min_quantity");
            RuleFor(x => x.Quantity).InclusiveBetween(1, InventoryDecisions.MaxQuantity).When(x => x.Operation is "delivery" or "writeoff");
            RuleFor(x => x.Quantity).InclusiveBetween(0, InventoryDecisions.MaxQuantity).When(x => x.Operation is "inventory" or "min_quantity");
            RuleFor(x => x.CostPrice).NotNull().When(x => x.Operation == "price_change");
            RuleFor(x => x.RetailPrice).NotNull().When(x => x.Operation == "price_change");
            RuleFor(x => x.CostPrice).InclusiveBetween(0, 100_000_000_00);
            RuleFor(x => x.RetailPrice).InclusiveBetween(0, 100_000_000_00);
            RuleFor(x => x.Reason).NotEmpty().When(x => x.Operation == "writeoff").WithMessage("A write-off needs a reason.");
            RuleFor(x => x.Reason).MaximumLength(500);
        }
    }
}

public static class RecordStockMovementHandler
{
    public static object[] Handle(RecordStockMovement command, [WriteAggregate(nameof(RecordStockMovement.ItemId), Required = false)] WarehouseItem? found, ICurrentUser currentUser)
    {
        var origin = currentUser.RequireStockKeeper();
        var item = found.OrFail(command.ItemId);
        return command.Operation switch
        {
            "delivery" => InventoryDecisions.Deliver(item, command.Quantity!.Value, command.CostPrice is { } c ? new Money(c) : null, command.Reason, origin),
            "writeoff" => InventoryDecisions.WriteOff(item, command.Quantity!.Value, command.Reason!, origin),
            "inventory" => InventoryDecisions.Count(item, command.Quantity!.Value, origin),
            "price_change" => InventoryDecisions.ChangePrice(item, new Money(command.CostPrice!.Value), new Money(command.RetailPrice!.Value), origin),
            _ => InventoryDecisions.SetMinQuantity(item, command.Quantity!.Value, origin),
        };
    }
}
