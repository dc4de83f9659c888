using Cvety.Application.Search;
using Cvety.Domain.Products;
using Marten;

namespace Cvety.Application.Products;

/// <summary>The catalog of the current shop, filtered and searched. Customers see enabled products only.</summary>
public sealed record ListProducts(ProductFilter Filter);

/// <summary>One product of the current shop. <paramref name="OnSaleOnly"/> is every view but the shop's own staff's: a disabled or archived product is then "not found", never described.</summary>
public sealed record GetProduct(int Id, bool OnSaleOnly = false);

/// <summary>Names to offer while a customer types (<c>GET /search/suggestions?q=</c>).</summary>
public sealed record SuggestProducts(string Query, bool EnabledOnly, int Limit = 8);

public sealed record ProductSuggestion(int Id, string Name, long Price, string? Image);

public static class ListProductsHandler
{
    public static async Task<ProductPage> Handle(ListProducts query, IQuerySession session, Common.ICurrentUser currentUser, CancellationToken ct)
    {
        // Customers find nothing on sale in a blocked shop; staff (who can only be signed in to an open shop) and the superadmin still see it.
        if (!currentUser.Actor.IsAuthenticated) await Shops.ShopStreams.EnsureNotBlockedAsync(session, Common.Tenancy.ShopOf(session), ct);
        return await ProductSearch.FindAsync(session, query.Filter, ct);
    }
}

/// <summary>
/// An enabled product of any shop, by its id alone: product ids are global, and the shop SPA and the AI agent ask
/// without naming the shop. Disabled products stay hidden, as they are from the catalog.
/// </summary>
public sealed record FindPublicProduct(int Id);

public static class FindPublicProductHandler
{
    public static async Task<Product> Handle(FindPublicProduct query, IQuerySession session, CancellationToken ct) =>
        await session.Query<Product>().Where(p => p.AnyTenant() && p.Id == query.Id && p.Enabled).FirstOrDefaultAsync(ct)
        ?? throw new Common.NotFoundException("Product", query.Id);
}

public static class GetProductHandler
{
    public static async Task<Product> Handle(GetProduct query, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Product>(query.Id, ct) is { } product && (!query.OnSaleOnly || product is { Enabled: true, Archived: false })
            ? product
            : throw new Common.NotFoundException("Product", query.Id);
}

public static class SuggestProductsHandler
{
    public static async Task<IReadOnlyList<ProductSuggestion>> Handle(SuggestProducts query, IQuerySession session, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(query.Query) || query.Query.Trim().Length < 2) return [];
        var found = await ProductSearch.FindAsync(session, new ProductFilter(query.Query[..Math.Min(query.Query.Length, 100)], EnabledOnly: query.EnabledOnly, Limit: Math.Clamp(query.Limit, 1, 20)), ct);
        return found.Items.Select(p => new ProductSuggestion(p.Id, p.Name, p.Price.Tiyn, p.Image)).ToList();
    }
}
