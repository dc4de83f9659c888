using Cvety.Application.Products;
using Cvety.Domain.Products;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Cvety.Api.Endpoints;

public static class ProductEndpoints
{
    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/v1/products").WithTags("Products");

        products.MapPost("/", async (CreateProduct command, IMessageBus bus, HttpContext http) =>
            {
                var product = await bus.InvokeForShopAsync<Product>(http, command);
                return Results.Created($"/api/v1/products/{product.Id}", product);
            })
            .RequireAuthorization()
            .WithSummary("Add a product to the shop's catalog (price in tiyn).");

        // Staff see their shop's whole catalog; customers name the shop and see what is on sale.
        products.MapGet("/", (IMessageBus bus, HttpContext http, string? type, [FromQuery(Name = "enabled_only")] bool? enabledOnly, int? skip, int? limit) =>
            {
                var staff = http.User.Identity?.IsAuthenticated == true;
                var query = new ListProducts(type, !staff || (enabledOnly ?? false), skip ?? 0, limit ?? 100);
                return staff
                    ? bus.InvokeForShopAsync<IReadOnlyList<Product>>(http, query)
                    : bus.InvokeForTenantAsync<IReadOnlyList<Product>>(ShopScope.PublicTenantOf(http), query, http.RequestAborted);
            })
            .AllowAnonymous()
            .WithSummary("The catalog: staff get their shop's; anyone else names it with ?shop_id= and sees enabled products.");

        products.MapGet("/{id:int}", (int id, IMessageBus bus, HttpContext http) =>
                http.User.Identity?.IsAuthenticated == true
                    ? bus.InvokeForShopAsync<Product>(http, new GetProduct(id))
                    : bus.InvokeForTenantAsync<Product>(ShopScope.PublicTenantOf(http), new GetProduct(id), http.RequestAborted))
            .AllowAnonymous()
            .WithSummary("One product.");

        return app;
    }
}
