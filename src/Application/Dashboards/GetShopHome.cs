using Cvety.Domain.Products;
using Marten;

namespace Cvety.Application.Dashboards;

/// <summary>The shop's home page in one call: featured, best sellers, newest, and the catalog's filters.</summary>
public sealed record GetShopHome(int Limit = 8);

public sealed record ShopHome(IReadOnlyList<Product> Featured, IReadOnlyList<Product> Bestsellers, IReadOnlyList<Product> New, CatalogFilters Filters);

public static class GetShopHomeHandler
{
    public static async Task<ShopHome> Handle(GetShopHome query, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var limit = Math.Clamp(query.Limit, 1, 50);
        var featured = await session.Query<Product>().Where(p => p.Enabled && p.IsFeatured).OrderByDescending(p => p.CreatedAt).Take(limit).ToListAsync(ct);
        var fresh = await session.Query<Product>().Where(p => p.Enabled).OrderByDescending(p => p.CreatedAt).Take(limit).ToListAsync(ct);
        var best = await BestSellers.InAsync(session, clock.GetUtcNow().AddDays(-30), limit * 2, ct);
        var ids = best.Select(b => b.ProductId).ToArray();
        var sold = (await session.LoadManyAsync<Product>(ct, ids)).Where(p => p.Enabled).ToDictionary(p => p.Id);
        return new ShopHome(featured, ids.Where(sold.ContainsKey).Select(id => sold[id]).Take(limit).ToList(), fresh,
            await GetCatalogFiltersHandler.Handle(new GetCatalogFilters(), session, ct));
    }
}
