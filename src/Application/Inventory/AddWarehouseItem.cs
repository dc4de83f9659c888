using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Inventory;
using FluentValidation;
using Marten;

namespace Cvety.Application.Inventory;

/// <summary>A new warehouse item (a kind of flower, ribbon, box ...), optionally with its first delivery. Prices in tiyn.</summary>
public sealed record AddWarehouseItem(string Name, long CostPrice, long RetailPrice, int MinQuantity = 0, int Quantity = 0, string? Image = null)
{
    public sealed class Validator : AbstractValidator<AddWarehouseItem>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            RuleFor(x => x.CostPrice).InclusiveBetween(0, 100_000_000_00);
            RuleFor(x => x.RetailPrice).InclusiveBetween(0, 100_000_000_00);
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
        var added = new WarehouseItemAdded(id, Tenancy.ShopOf(session), command.Name.Trim(), new Money(command.CostPrice), new Money(command.RetailPrice),
            command.MinQuantity, command.Image, origin);
        var item = WarehouseItem.Create(added);
        object[] first = command.Quantity > 0 ? InventoryDecisions.Deliver(item, command.Quantity, null, "initial stock", origin) : [];
        session.Stamp(origin);
        session.Events.StartStream<WarehouseItem>(id, [added, .. first]);
        return id;
    }
}
