using Cvety.Domain.Products;
using Cvety.Domain.Shops;
using FluentValidation;
using Marten;

namespace Cvety.Application.Dashboards;

/// <summary>
/// The marketplace's showcases across active shops: featured products, or the month's best sellers. Only enabled
/// products of shops that are not blocked.
/// </summary>
public sealed record GetMarketplaceProducts(string Kind, int Limit = 20)
{
    public const string Featured = "featured";
    public const string Bestsellers = "bestsellers";

    public sealed class Validator : AbstractValidator<GetMarketplaceProducts>
    {
        public Validator()
        {
            RuleFor(x => x.Kind).Must(k => k is Featured or Bestsellers);
            RuleFor(x => x.Limit).InclusiveBetween(1, 100);
        }
    }
}

public static class GetMarketplaceProductsHandler
{
    public static async Task<IReadOnlyList<Product>> Handle(GetMarketplaceProducts query, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var blocked = (await session.Query<Shop>().Where(s => s.AnyTenant() && s.IsBlocked).Select(s => s.Id).ToListAsync(ct)).ToArray();
        if (query.Kind == GetMarketplaceProducts.Featured)
            return await session.Query<Product>().Where(p => p.AnyTenant() && p.Enabled && p.IsFeatured && !blocked.Contains(p.ShopId))
                .OrderByDescending(p => p.CreatedAt).Take(query.Limit).ToListAsync(ct);

        var best = await BestSellers.InAsync(session, clock.GetUtcNow().AddDays(-30), query.Limit * 2, ct, anyShop: true);
        var ids = best.Select(b => b.ProductId).ToArray();
        var products = (await session.Query<Product>().Where(p => p.AnyTenant() && ids.Contains(p.Id) && p.Enabled && !blocked.Contains(p.ShopId)).ToListAsync(ct))
            .ToDictionary(p => p.Id);
        return ids.Where(products.ContainsKey).Select(id => products[id]).Take(query.Limit).ToList();
    }
}
