using Wolverine.Marten;
using Cvety.Application.Common;
using Cvety.Application.Users;
using Cvety.Domain.Common;
using Cvety.Domain.Inventory;
using FluentValidation;
using Marten;

namespace Cvety.Application.Inventory;

/// <summary><c>PATCH /warehouse/{id}</c>: name, prices (tiyn) and minimum; never the quantity, which only operations and counts move.</summary>
public sealed record ChangeWarehouseItem(Guid ItemId, string? Name, long? CostPrice, long? RetailPrice, int? MinQuantity, int? Quantity)
{
    public sealed class Validator : AbstractValidator<ChangeWarehouseItem>
    {
        public Validator()
        {
            RuleFor(x => x.Quantity).Null().WithMessage("The quantity changes through deliveries, write-offs, sales and counts, never by an edit.");
            RuleFor(x => x.Name).MaximumLength(200).Must(n => n is null || n.Trim().Length > 0).WithMessage("'name' cannot be empty.");
            RuleFor(x => x.CostPrice).InclusiveBetween(0, 100_000_000_00);
            RuleFor(x => x.RetailPrice).InclusiveBetween(0, 100_000_000_00);
            RuleFor(x => x.MinQuantity).InclusiveBetween(0, InventoryDecisions.MaxQuantity);
        }
    }
}

/// <summary><c>DELETE /warehouse/{id}</c>: the item is archived, refused while orders hold some of it.</summary>
public sealed record ArchiveWarehouseItem(Guid ItemId, string? Reason);

/// <summary><c>POST /warehouse/{id}/sale</c>: sold over the counter, not through an order.</summary>
public sealed record SellWarehouseItem(Guid ItemId, int Quantity, long? Price, string? Comment)
{
    public sealed class Validator : AbstractValidator<SellWarehouseItem>
    {
        public Validator()
        {
            RuleFor(x => x.Quantity).InclusiveBetween(1, InventoryDecisions.MaxQuantity);
            RuleFor(x => x.Price).InclusiveBetween(0, 100_000_000_00);
            RuleFor(x => x.Comment).MaximumLength(500);
        }
    }
}

/// <summary>The item's photo, stored through the image storage (<see cref="Content"/> empty: the photo is taken off).</summary>
public sealed record SetWarehouseItemPhoto(Guid ItemId, byte[] Content, bool Remove = false)
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public sealed class Validator : AbstractValidator<SetWarehouseItemPhoto>
    {
        public Validator() => RuleFor(x => x.Content).MustBeAnUploadedImage(MaxBytes, "photo").When(x => !x.Remove);
    }

    public override string ToString() => $"SetWarehouseItemPhoto {{ ItemId = {ItemId}, Bytes = {Content.Length}, Remove = {Remove} }}";
}

public static class ChangeWarehouseItemHandler
{
    // Wolverine fetches the item in the caller's shop and appends what is returned; several decisions may add to it.
    public static object[] Handle(ChangeWarehouseItem command, [WriteAggregate(nameof(ChangeWarehouseItem.ItemId), Required = false)] WarehouseItem? found, ICurrentUser currentUser)
    {
        var origin = currentUser.RequireStockKeeper();
        var item = found.OrFail(command.ItemId);
        return
        [
            .. InventoryDecisions.Rename(item, command.Name ?? item.Name, origin),
            .. command.CostPrice is not null || command.RetailPrice is not null
                ? InventoryDecisions.ChangePrice(item, new Money(command.CostPrice ?? item.CostPrice.Tiyn), new Money(command.RetailPrice ?? item.RetailPrice.Tiyn), origin)
                : [],
            .. command.MinQuantity is { } min ? InventoryDecisions.SetMinQuantity(item, min, origin) : [],
        ];
    }

    public static object[] Handle(ArchiveWarehouseItem command, [WriteAggregate(nameof(ArchiveWarehouseItem.ItemId), Required = false)] WarehouseItem? found, ICurrentUser currentUser)
    {
        var origin = currentUser.RequireStockKeeper();
        return InventoryDecisions.Archive(found.OrFail(command.ItemId), command.Reason?.Trim(), origin);
    }

    public static object[] Handle(SellWarehouseItem command, [WriteAggregate(nameof(SellWarehouseItem.ItemId), Required = false)] WarehouseItem? found, ICurrentUser currentUser)
    {
        var origin = currentUser.RequireStockKeeper();
        return InventoryDecisions.SellOverCounter(found.OrFail(command.ItemId), command.Quantity, command.Price is { } p ? new Money(p) : null, command.Comment?.Trim(), origin);
    }

    // The session names the shop's folder for the photo.
    public static async Task<(string?, Events)> Handle(SetWarehouseItemPhoto command, [WriteAggregate(nameof(SetWarehouseItemPhoto.ItemId), Required = false)] WarehouseItem? found, IDocumentSession session, ICurrentUser currentUser,
        IImageStorage storage, CancellationToken ct)
    {
        var origin = currentUser.RequireStockKeeper();
        var item = found.OrFail(command.ItemId);
        string? url = null;
        if (!command.Remove)
        {
            using var content = new MemoryStream(command.Content, writable: false);
            url = await storage.SaveAsync($"warehouse/{Tenancy.ShopOf(session)}", ImageFormats.ExtensionOf(command.Content)!, content, ct);
        }
        return (url, url != item.Image ? [new ItemPhotoChanged(command.ItemId, url, origin)] : []);
    }
}
