using Cvety.Application.Products;
using Cvety.Application.Search;
using Cvety.Application.Shops;
using Cvety.Application.Users;
using Cvety.Domain.Shops;
using Wolverine;

namespace Cvety.Api.Endpoints;

public static class ShopEndpoints
{
    public sealed record NewUser(string Name, string Phone, string Password, string Role);

    public static IEndpointRouteBuilder MapShopEndpoints(this IEndpointRouteBuilder app)
    {
        var shops = app.MapGroup("/api/v1/shops").WithTags("Shops");

        shops.MapPost("/", async (CreateShop command, IMessageBus bus) =>
            {
                var shop = await bus.InvokeAsync<Shop>(command);
                return Results.Created($"/api/v1/shops/{shop.Id}", shop);
            })
            .RequireAuthorization()
            .WithSummary("Open a shop (superadmin). The id may be given to keep existing shop ids.");

        // The marketplace: no token needed. Blocked shops are not listed, and their card answers "shop unavailable".
        shops.MapGet("/", async (IMessageBus bus, HttpContext http) =>
                Lists.Array(http, await bus.InvokeAsync<IReadOnlyList<ShopCard>>(new ListShops(), http.RequestAborted)))
            .AllowAnonymous()
            .WithSummary("Active shops of the marketplace: name, city, contacts, delivery fee (tiyn), rating (not rated yet: null).");

        shops.MapGet("/{id:int}", (int id, IMessageBus bus, HttpContext http) => bus.InvokeAsync<ShopCard>(new GetShopCard(id), http.RequestAborted))
            .AllowAnonymous()
            .WithSummary("A shop's public card.");

        shops.MapGet("/{id:int}/products", async (int id, IMessageBus bus, HttpContext http, string? search, string? type, int? skip, int? limit) =>
            {
                await bus.InvokeAsync<ShopCard>(new GetShopCard(id), http.RequestAborted);
                var filter = new ProductFilter(search, type, null, null, null, null, true, skip ?? 0, limit ?? 100);
                return Lists.Page(http, await bus.InvokeForTenantAsync<ProductPage>(Shop.TenantIdFor(id), new ListProducts(filter), http.RequestAborted));
            })
            .AllowAnonymous()
            .WithSummary("A shop's products on sale, as a JSON array (total in X-Total-Count).");

        shops.MapPost("/{shopId:int}/users", async (int shopId, NewUser body, IMessageBus bus) =>
            {
                var user = await bus.InvokeAsync<UserView>(new CreateUser(shopId, body.Name, body.Phone, body.Password, body.Role));
                return Results.Created($"/api/v1/shops/{shopId}/users/{user.Id}", user);
            })
            .RequireAuthorization()
            .WithSummary("Add staff to a shop (superadmin, or a DIRECTOR of that shop).");

        return app;
    }
}
