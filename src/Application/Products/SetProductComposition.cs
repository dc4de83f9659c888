using Cvety.Application.Common;
using Cvety.Domain.Inventory;
using Cvety.Domain.Products;
using FluentValidation;
using FluentValidation.Results;
using Marten;
using Wolverine;

namespace Cvety.Application.Products;

/// <summary>What a product is made of: warehouse items of the same shop and how many of each (the legacy "recipe").</summary>
public sealed record SetProductComposition(int ProductId, IReadOnlyList<SetProductComposition.Line> Items)
{
    public sealed record Line(Guid ItemId, int Quantity);

    public sealed class Validator : AbstractValidator<SetProductComposition>
    {
        public Validator()
        {
            RuleFor(x => x.Items).NotNull().Must(i => i is null || i.Count <= 50).WithMessage("A composition has at most 50 items.");
            RuleForEach(x => x.Items).NotNull().ChildRules(line =>
            {
                line.RuleFor(l => l.ItemId).NotEmpty();
                line.RuleFor(l => l.Quantity).InclusiveBetween(1, 10_000);
            }).When(x => x.Items is not null);
        }
    }
}

public static class SetProductCompositionHandler
{
    public static async Task Handle(SetProductComposition command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = currentUser.RequireCatalogEditor();
        var product = await ProductStreams.LoadAsync(session, command.ProductId, ct);
        // The shop's session sees only the shop's items: another shop's item is as unknown as a made-up id.
        var ids = command.Items.Select(i => i.ItemId).Distinct().ToArray();
        var known = (await session.LoadManyAsync<WarehouseItem>(ct, ids)).Select(i => i.Id).ToHashSet();
        var unknown = command.Items.Select((l, i) => (l, i)).Where(x => !known.Contains(x.l.ItemId))
            .Select(x => new ValidationFailure($"Items[{x.i}].ItemId", $"Warehouse item {x.l.ItemId} does not exist in this shop.")).ToList();
        if (unknown.Count > 0) throw new ValidationException(unknown);
        session.Append(product, ProductDecisions.SetComposition(product, command.Items.Select(l => new CompositionLine(l.ItemId, l.Quantity)).ToList(), origin));
    }
}

/// <summary>
/// One line of the recipe (the legacy <c>POST/PATCH/DELETE /products/{id}/recipe</c>): sets an item's quantity, adds
/// it, or removes it with 0, decided on the product as it is in the same transaction, so two people editing different
/// lines at once both keep their change (a read on one message and a write on another lost one of them).
/// </summary>
public sealed record SetRecipeLine(int ProductId, Guid ItemId, int Quantity)
{
    public sealed class Validator : AbstractValidator<SetRecipeLine>
    {
        public Validator()
        {
            RuleFor(x => x.ItemId).NotEmpty();
            RuleFor(x => x.Quantity).InclusiveBetween(0, 10_000).WithMessage("'quantity' is between 1 and 10000 (0 removes the line).");
        }
    }
}

public static class SetRecipeLineHandler
{
    public static async Task Handle(SetRecipeLine command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = currentUser.RequireCatalogEditor();
        var product = await ProductStreams.LoadAsync(session, command.ProductId, ct);
        if (command.Quantity > 0 && await session.LoadAsync<WarehouseItem>(command.ItemId, ct) is null)
            throw new ValidationException([new ValidationFailure("warehouse_item_id", $"Warehouse item {command.ItemId} does not exist in this shop.")]);
        var lines = ProductRecipeHandler.With(product, command.ItemId, command.Quantity).Select(l => new CompositionLine(l.ItemId, l.Quantity)).ToList();
        session.Append(product, ProductDecisions.SetComposition(product, lines, origin));
    }
}
