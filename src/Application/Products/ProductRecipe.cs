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

/// <summary>One line of the recipe; <c>product_id</c>, <c>is_optional</c> and the whole <c>warehouse_item</c> are the legacy line's.</summary>
public sealed record RecipeLine(Guid Id, Guid WarehouseItemId, string Name, int Quantity, int Available, int EnoughFor, long CostPrice)
{
    public int ProductId { get; init; }
    public bool IsOptional => false;
    public WarehouseItem? WarehouseItem { get; init; }
}

/// <summary>The recipe as the admin SPA's product editor reads it: the lines, their cost (tiyn) and how many bouquets the stock makes now.</summary>
public sealed record ProductRecipe(IReadOnlyList<RecipeLine> Recipes, long TotalCost, bool CanProduce, int? MaxQuantity);

/// <summary>The legacy <c>GET /products/{id}/recipe</c>: the recipe with its cost, rather than the bare lines the edit routes answer.</summary>
public sealed record GetProductRecipeSummary(int ProductId);

/// <summary>A product with its recipe and a summary of its history, for the admin SPA's product page.</summary>
public sealed record GetProductDetail(int ProductId);

public sealed record ProductHistorySummary(int Changes, DateTimeOffset CreatedAt, DateTimeOffset? LastChangedAt, string? LastChangedBy);

/// <summary>The product page: the product (its fields also at the top, as the legacy detail had them), recipe, cost and history.</summary>
public sealed record ProductDetail(Product Product, IReadOnlyList<RecipeLine> Recipe, int? CanMake, long RecipeCost, ProductHistorySummary History)
{
    public int Id => Product.Id;
    public string Name => Product.Name;
    public Domain.Common.Money Price => Product.Price;
    public string Type => Product.Type;
    public string? Description => Product.Description;
    public string? Image => Product.Image;
    public bool Enabled => Product.Enabled;
    public bool IsFeatured => Product.IsFeatured;
    public IReadOnlyList<ProductImage> Images => Product.Images;
    public IReadOnlyList<string> Colors => Product.Colors;
    public IReadOnlyList<string> Occasions => Product.Occasions;
    public IReadOnlyList<string> Tags => Product.Tags;
}

public static class ProductRecipeHandler
{
    public static async Task<IReadOnlyList<RecipeLine>> Handle(GetProductRecipe query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        Orders.OrderStreams.RequireStaff(currentUser);
        return await LinesAsync(session, await ProductStreams.LoadAsync(session, query.ProductId, ct), ct);
    }

    public static async Task<ProductRecipe> Handle(GetProductRecipeSummary query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        Orders.OrderStreams.RequireStaff(currentUser);
        var lines = await LinesAsync(session, await ProductStreams.LoadAsync(session, query.ProductId, ct), ct);
        var max = lines.Count == 0 ? (int?)null : lines.Min(l => l.EnoughFor);
        return new ProductRecipe(lines, lines.Sum(l => l.CostPrice * l.Quantity), max is null or > 0, max);
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
                { ProductId = product.Id, WarehouseItem = item }
            : new RecipeLine(c.ItemId, c.ItemId, "?", c.Quantity, 0, 0, 0) { ProductId = product.Id }).ToList();
    }

    /// <summary>The composition with one line added, changed or removed (quantity 0), for the recipe routes.</summary>
    public static IReadOnlyList<SetProductComposition.Line> With(Product product, Guid itemId, int quantity)
    {
        var lines = product.Composition.Select(c => new SetProductComposition.Line(c.ItemId, c.Quantity)).Where(l => l.ItemId != itemId).ToList();
        if (quantity > 0) lines.Add(new SetProductComposition.Line(itemId, quantity));
        return lines;
    }
}
