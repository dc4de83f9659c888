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
    // The session: an item's stream is fetched for writing and several decisions may append to it.
    public static async Task Handle(ChangeWarehouseItem command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = currentUser.RequireStockKeeper();
        var stream = await InventoryAccess.ItemForWritingAsync(session, command.ItemId, ct);
        var item = stream.Aggregate!;
        object[] events =
        [
            .. InventoryDecisions.Rename(item, command.Name ?? item.Name, origin),
            .. command.CostPrice is not null || command.RetailPrice is not null
                ? InventoryDecisions.ChangePrice(item, new Money(command.CostPrice ?? item.CostPrice.Tiyn), new Money(command.RetailPrice ?? item.RetailPrice.Tiyn), origin)
                : [],
            .. command.MinQuantity is { } min ? InventoryDecisions.SetMinQuantity(item, min, origin) : [],
        ];
        stream.AppendMany(events);
    }

    public static async Task Handle(ArchiveWarehouseItem command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = currentUser.RequireStockKeeper();
        var stream = await InventoryAccess.ItemForWritingAsync(session, command.ItemId, ct);
        stream.AppendMany(InventoryDecisions.Archive(stream.Aggregate!, command.Reason?.Trim(), origin));
    }

    public static async Task Handle(SellWarehouseItem command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = currentUser.RequireStockKeeper();
        var stream = await InventoryAccess.ItemForWritingAsync(session, command.ItemId, ct);
        stream.AppendMany(InventoryDecisions.SellOverCounter(stream.Aggregate!, command.Quantity, command.Price is { } p ? new Money(p) : null, command.Comment?.Trim(), origin));
    }

    public static async Task<string?> Handle(SetWarehouseItemPhoto command, IDocumentSession session, ICurrentUser currentUser, IImageStorage storage, CancellationToken ct)
    {
        var origin = currentUser.RequireStockKeeper();
        var stream = await InventoryAccess.ItemForWritingAsync(session, command.ItemId, ct);
        string? url = null;
        if (!command.Remove)
        {
            using var content = new MemoryStream(command.Content, writable: false);
            url = await storage.SaveAsync($"warehouse/{Tenancy.ShopOf(session)}", ImageFormats.ExtensionOf(command.Content)!, content, ct);
        }
        if (url != stream.Aggregate!.Image) stream.AppendMany([new ItemPhotoChanged(command.ItemId, url, origin)]);
        return url;
    }
}
