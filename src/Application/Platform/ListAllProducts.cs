using Cvety.Application.Products;
using Cvety.Application.Search;
using Cvety.Application.Common;
using Cvety.Domain.Products;
using FluentValidation;
using Marten;

namespace Cvety.Application.Platform;

/// <summary>The superadmin's product list across every shop (or one), disabled products included.</summary>
public sealed record ListAllProducts(int? ShopId = null, string? Search = null, int Skip = 0, int Limit = 100)
{
    public sealed class Validator : AbstractValidator<ListAllProducts>
    {
        public Validator()
        {
            RuleFor(x => x.Search).MaximumLength(200);
            RuleFor(x => x.Skip).GreaterThanOrEqualTo(0);
            RuleFor(x => x.Limit).InclusiveBetween(1, 500);
        }
    }
}

public static class ListAllProductsHandler
{
    public static async Task<ProductPage> Handle(ListAllProducts query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        Superadmin.Require(currentUser);
        var products = query.ShopId is { } shop
            ? session.Query<Product>().Where(p => p.AnyTenant() && p.ShopId == shop)
            : session.Query<Product>().Where(p => p.AnyTenant());
        if (!string.IsNullOrWhiteSpace(query.Search)) products = products.Where(p => p.Name.Contains(query.Search.Trim(), StringComparison.OrdinalIgnoreCase));
        var page = await products.Stats(out var stats).OrderBy(p => p.ShopId).ThenBy(p => p.Id).Skip(query.Skip).Take(query.Limit).ToListAsync(ct);
        await ShopNames.FillAsync(session, page, p => p.ShopId, (p, name) => p.ShopName = name, ct);
        return new ProductPage(page, stats.TotalResults);
    }
}
