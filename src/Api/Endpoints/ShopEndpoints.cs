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
        var shops = app.MapGroup("/api/v1/shops").WithTags("Shops").RequireAuthorization();

        shops.MapPost("/", async (CreateShop command, IMessageBus bus) =>
            {
                var shop = await bus.InvokeAsync<Shop>(command);
                return Results.Created($"/api/v1/shops/{shop.Id}", shop);
            })
            .WithSummary("Open a shop (superadmin). The id may be given to keep existing shop ids.");

        shops.MapGet("/{id:int}", (int id, IMessageBus bus) => bus.InvokeAsync<Shop>(new GetShop(id)))
            .WithSummary("A shop: the superadmin sees all, staff only their own.");

        shops.MapPost("/{shopId:int}/users", async (int shopId, NewUser body, IMessageBus bus) =>
            {
                var user = await bus.InvokeAsync<UserView>(new CreateUser(shopId, body.Name, body.Phone, body.Password, body.Role));
                return Results.Created($"/api/v1/shops/{shopId}/users/{user.Id}", user);
            })
            .WithSummary("Add staff to a shop (superadmin, or a DIRECTOR of that shop).");

        return app;
    }
}
