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
    public static async Task<OutgoingMessages> Handle(SetProductComposition command, IDocumentSession session, ICurrentUser currentUser, Reactions reactions, CancellationToken ct)
    {
        var origin = currentUser.RequireCatalogEditor();
        var product = await ProductStreams.LoadAsync(session, command.ProductId, ct);
        // The shop's session sees only the shop's items: another shop's item is as unknown as a made-up id.
        var ids = command.Items.Select(i => i.ItemId).Distinct().ToArray();
        var known = (await session.LoadManyAsync<WarehouseItem>(ct, ids)).Select(i => i.Id).ToHashSet();
        var unknown = command.Items.Select((l, i) => (l, i)).Where(x => !known.Contains(x.l.ItemId))
            .Select(x => new ValidationFailure($"Items[{x.i}].ItemId", $"Warehouse item {x.l.ItemId} does not exist in this shop.")).ToList();
        if (unknown.Count > 0) throw new ValidationException(unknown);
        return session.Append(product, origin, reactions, ProductDecisions.SetComposition(product, command.Items.Select(l => new CompositionLine(l.ItemId, l.Quantity)).ToList(), origin));
    }
}
