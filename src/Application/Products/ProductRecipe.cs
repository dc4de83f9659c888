using Cvety.Application.Common;
using Cvety.Domain.Inventory;
using Cvety.Domain.Products;
using Marten;

namespace Cvety.Application.Products;

/// <summary>
/// The legacy "recipe" of a product, read from its composition: each line names a warehouse item (its id is the
/// recipe line's id), how many go into one bouquet, what is free of it now and how many bouquets that makes.
/// </summary>
public sealed record GetProductRecipe(int ProductId);

public sealed record RecipeLine(Guid Id, Guid WarehouseItemId, string Name, int Quantity, int Available, int EnoughFor, long CostPrice);

/// <summary>A product with its recipe and a summary of its history, for the admin SPA's product page.</summary>
public sealed record GetProductDetail(int ProductId);

public sealed record ProductHistorySummary(int Changes, DateTimeOffset CreatedAt, DateTimeOffset? LastChangedAt, string? LastChangedBy);

public sealed record ProductDetail(Product Product, IReadOnlyList<RecipeLine> Recipe, int? CanMake, long RecipeCost, ProductHistorySummary History);

public static class ProductRecipeHandler
{
    public static async Task<IReadOnlyList<RecipeLine>> Handle(GetProductRecipe query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        Orders.OrderStreams.RequireStaff(currentUser);
        return await LinesAsync(session, await ProductStreams.LoadAsync(session, query.ProductId, ct), ct);
    }

    public static async Task<ProductDetail> Handle(GetProductDetail query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        Orders.OrderStreams.RequireStaff(currentUser);
        var product = await ProductStreams.LoadAsync(session, query.ProductId, ct);
        var recipe = await LinesAsync(session, product, ct);
        var events = await session.Events.FetchStreamAsync(ProductStreams.StreamOf(product.Id), token: ct);
        var last = events.Count > 0 ? events[^1] : null;
        var lastBy = last?.Data is IProductEvent changed ? changed.By.Actor : null;
        return new ProductDetail(product, recipe, recipe.Count == 0 ? null : recipe.Min(l => l.EnoughFor), recipe.Sum(l => l.CostPrice * l.Quantity),
            new ProductHistorySummary(events.Count, product.CreatedAt, last?.Timestamp, lastBy));
    }

    internal static async Task<IReadOnlyList<RecipeLine>> LinesAsync(IQuerySession session, Product product, CancellationToken ct)
    {
        var items = (await session.LoadManyAsync<WarehouseItem>(ct, product.Composition.Select(c => c.ItemId).ToArray())).ToDictionary(i => i.Id);
        return product.Composition.Select(c => items.TryGetValue(c.ItemId, out var item)
            ? new RecipeLine(c.ItemId, c.ItemId, item.Name, c.Quantity, item.Available, Math.Max(0, item.Available) / c.Quantity, item.CostPrice.Tiyn)
            : new RecipeLine(c.ItemId, c.ItemId, "?", c.Quantity, 0, 0, 0)).ToList();
    }

    /// <summary>The composition with one line added, changed or removed (quantity 0), for the recipe routes.</summary>
    public static IReadOnlyList<SetProductComposition.Line> With(Product product, Guid itemId, int quantity)
    {
        var lines = product.Composition.Select(c => new SetProductComposition.Line(c.ItemId, c.Quantity)).Where(l => l.ItemId != itemId).ToList();
        if (quantity > 0) lines.Add(new SetProductComposition.Line(itemId, quantity));
        return lines;
    }
}
