using Cvety.Domain.Products;
using Marten;

namespace Cvety.Application.Dashboards;

/// <summary>The filters the shop's catalog can offer, from what is on sale: types, price range (tiyn), colours, occasions.</summary>
public sealed record GetCatalogFilters;

public sealed record PriceRange(long Min, long Max);

public sealed record CatalogFilters(IReadOnlyList<string> Types, PriceRange PriceRange, IReadOnlyList<string> Colors, IReadOnlyList<string> Occasions, int Products);

public static class GetCatalogFiltersHandler
{
    public static async Task<CatalogFilters> Handle(GetCatalogFilters _, IQuerySession session, CancellationToken ct)
    {
        var products = await session.Query<Product>().Where(p => p.Enabled).Select(p => new { p.Type, p.Price, p.Colors, p.Occasions }).ToListAsync(ct);
        return new CatalogFilters(
            products.Select(p => p.Type).Distinct().Order().ToList(),
            new PriceRange(products.Count == 0 ? 0 : products.Min(p => p.Price.Tiyn), products.Count == 0 ? 0 : products.Max(p => p.Price.Tiyn)),
            products.SelectMany(p => p.Colors).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order().ToList(),
            products.SelectMany(p => p.Occasions).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order().ToList(),
            products.Count);
    }
}
