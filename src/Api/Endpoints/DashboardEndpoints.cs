using Cvety.Application.Dashboards;
using Cvety.Domain.Products;
using Cvety.Domain.Shops;
using Wolverine;

namespace Cvety.Api.Endpoints;

/// <summary>Staff dashboards of the shop, and the marketplace's and the shop's showcases (public).</summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/orders/stats/dashboard", (IMessageBus bus, HttpContext http) => bus.InvokeForShopAsync<OrdersDashboard>(http, new GetOrdersDashboard()))
            .RequireAuthorization().WithTags("Dashboards")
            .WithSummary("Today, this week, this month (shop time): orders by status, revenue and average order in tiyn; late and open orders.");

        app.MapGet("/api/v1/products/stats/summary", (IMessageBus bus, HttpContext http) => bus.InvokeForShopAsync<ProductsSummary>(http, new GetProductsSummary()))
            .RequireAuthorization().WithTags("Dashboards")
            .WithSummary("Enabled, disabled, out of stock, featured; the month's best sellers.");

        app.MapGet("/api/v1/products/public/featured", async (IMessageBus bus, HttpContext http, int? limit) =>
                Lists.Array(http, await bus.InvokeAsync<IReadOnlyList<Product>>(new GetMarketplaceProducts(GetMarketplaceProducts.Featured, limit ?? 20), http.RequestAborted)))
            .AllowAnonymous().WithTags("Dashboards").WithSummary("Featured products of the marketplace's active shops.");

        // The MCP server's search_products_smart asks a route the legacy backend never had (404): the catalog's own search.
        app.MapGet("/api/v1/products/public/smart-search", async (IMessageBus bus, HttpContext http, string? query, string? q, string? search,
                [Microsoft.AspNetCore.Mvc.FromQuery(Name = "min_price")] long? minPrice, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "max_price")] long? maxPrice,
                string? type, int? limit) =>
                Lists.Page(http, await bus.InvokeForTenantAsync<Cvety.Application.Search.ProductPage>(ShopScope.PublicTenantOf(http),
                    new Cvety.Application.Products.ListProducts(new Cvety.Application.Search.ProductFilter(query ?? q ?? search, type, minPrice, maxPrice,
                        EnabledOnly: true, Limit: Math.Clamp(limit ?? 20, 1, 100))), http.RequestAborted)))
            .AllowAnonymous().WithTags("Products")
            .WithSummary("The MCP server's smart search (?shop_id=&query=): the shop's products on sale by Russian full-text and typo-tolerant search, prices in tiyn.");

        app.MapGet("/api/v1/products/public/bestsellers", async (IMessageBus bus, HttpContext http, int? limit) =>
                Lists.Array(http, await bus.InvokeAsync<IReadOnlyList<Product>>(new GetMarketplaceProducts(GetMarketplaceProducts.Bestsellers, limit ?? 20), http.RequestAborted)))
            .AllowAnonymous().WithTags("Dashboards").WithSummary("The month's best-selling products across the marketplace's active shops.");

        app.MapGet("/api/v1/products/home", (IMessageBus bus, HttpContext http, int? limit) =>
                bus.InvokeForTenantAsync<ShopHome>(Shop.TenantIdFor(ShopScope.ShopOf(http)), new GetShopHome(limit ?? 8), http.RequestAborted))
            .AllowAnonymous().WithTags("Dashboards").WithSummary("The shop's home page (?shop_id=): featured, best sellers, newest, filters.");

        app.MapGet("/api/v1/products/filters", (IMessageBus bus, HttpContext http) =>
                bus.InvokeForTenantAsync<CatalogFilters>(Shop.TenantIdFor(ShopScope.ShopOf(http)), new GetCatalogFilters(), http.RequestAborted))
            .AllowAnonymous().WithTags("Dashboards").WithSummary("Types, price range (tiyn), colours and occasions present in the shop's catalog (?shop_id=).");

        app.MapGet("/api/v1/colors", async (IMessageBus bus, HttpContext http) =>
                Lists.Array(http, (await bus.InvokeForTenantAsync<CatalogFilters>(Shop.TenantIdFor(ShopScope.ShopOf(http)), new GetCatalogFilters(), http.RequestAborted)).Colors))
            .AllowAnonymous().WithTags("Dashboards").WithSummary("Colours of the bouquets on sale in the shop (?shop_id=), as a JSON array.");

        return app;
    }
}
