using Cvety.Api.Auth;
using Cvety.Application.Orders;
using Cvety.Application.Platform;
using Cvety.Application.Search;
using Cvety.Application.Shops;
using Cvety.Application.Users;
using Cvety.Domain.Shops;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Cvety.Api.Endpoints;

/// <summary>
/// The platform owner's routes. Only a SUPERADMIN token passes the group's policy (anyone else: 403, before any
/// input is read); orders are changed through the same use cases and rules as staff's, in the order's own shop.
/// </summary>
public static class SuperadminEndpoints
{
    public sealed record Why(string? Reason);
    public sealed record ShopRef(int Id, string Name);
    public sealed record PlatformOrder(OrderDetails Order, ShopRef Shop, IReadOnlyList<OrderItemView> Items);
    public sealed record PasswordReset(string? NewPassword, string? Password, string? Reason);

    public static IEndpointRouteBuilder MapSuperadminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/superadmin").WithTags("Superadmin")
            .RequireAuthorization(p => p.RequireClaim(CvetyClaims.Role, "SUPERADMIN"));

        admin.MapGet("/shops", async (IMessageBus bus, HttpContext http) =>
                Lists.Array(http, await bus.InvokeAsync<IReadOnlyList<ShopCard>>(new ListShops(IncludeBlocked: true), http.RequestAborted)))
            .WithSummary("Every shop, blocked ones too.");

        admin.MapGet("/shops/{shopId:int}", (int shopId, IMessageBus bus, HttpContext http) =>
                bus.InvokeAsync<ShopOverview>(new GetShopOverview(shopId), http.RequestAborted))
            .WithSummary("A shop with its users.");

        admin.MapPut("/shops/{shopId:int}/block", (int shopId, Why? body, [FromQuery(Name = "reason")] string? reason, IMessageBus bus, HttpContext http) =>
                BlockShopAsync(bus, http, shopId, true, body?.Reason ?? reason))
            .WithSummary("Block a shop: its staff lose access, its catalog and ordering answer \"shop unavailable\"; nothing is deleted.");

        admin.MapPut("/shops/{shopId:int}/unblock", (int shopId, Why? body, [FromQuery(Name = "reason")] string? reason, IMessageBus bus, HttpContext http) =>
                BlockShopAsync(bus, http, shopId, false, body?.Reason ?? reason))
            .WithSummary("Lift a shop's block.");

        admin.MapGet("/users", async (IMessageBus bus, HttpContext http, [FromQuery(Name = "shop_id")] int? shopId) =>
                Lists.Array(http, await bus.InvokeAsync<IReadOnlyList<UserView>>(new ListUsers(shopId, IncludeInactive: true), http.RequestAborted)))
            .WithSummary("Every user (or one shop's with ?shop_id=), removed ones included.");

        admin.MapPut("/users/{userId:guid}/block", (Guid userId, Why? body, [FromQuery(Name = "reason")] string? reason, IMessageBus bus, HttpContext http) =>
                BlockUserAsync(bus, http, userId, true, body?.Reason ?? reason))
            .WithSummary("Block a user: their tokens stop working and they cannot sign in.");

        admin.MapPut("/users/{userId:guid}/unblock", (Guid userId, Why? body, [FromQuery(Name = "reason")] string? reason, IMessageBus bus, HttpContext http) =>
                BlockUserAsync(bus, http, userId, false, body?.Reason ?? reason))
            .WithSummary("Lift a user's block.");

        admin.MapPost("/users/{userId:guid}/reset-password", async (Guid userId, PasswordReset body, IMessageBus bus, HttpContext http) =>
            {
                await bus.InvokeAsync(new ResetPassword(userId, body.NewPassword ?? body.Password ?? "", body.Reason), http.RequestAborted);
                return Results.Ok(new { message = "Password reset; the user's sessions are signed out" });
            })
            .WithSummary("Set a new password ({new_password}); every token of the user stops working.");

        admin.MapGet("/products", async (IMessageBus bus, HttpContext http, [FromQuery(Name = "shop_id")] int? shopId, string? search, int? skip, int? limit) =>
                Lists.Page(http, await bus.InvokeAsync<ProductPage>(new ListAllProducts(shopId, search, skip ?? 0, limit ?? 100), http.RequestAborted)))
            .WithSummary("Products of every shop (or one with ?shop_id=), disabled ones included.");

        admin.MapGet("/orders", async (IMessageBus bus, HttpContext http, [FromQuery(Name = "shop_id")] int? shopId, string? status, int? skip, int? limit) =>
                Lists.Page(http, await bus.InvokeAsync<OrderPage>(new ListAllOrders(shopId, status, skip ?? 0, limit ?? 50), http.RequestAborted)))
            .WithSummary("Orders of every shop (or one with ?shop_id=, and ?status=), newest first.");

        admin.MapGet("/orders/{orderId:guid}", async (Guid orderId, IMessageBus bus, HttpContext http) =>
            {
                var tenant = await ShopOfOrderAsync(bus, http, orderId);
                var order = await bus.InvokeForTenantAsync<OrderDetails>(tenant, new GetOrder(orderId), http.RequestAborted);
                var shop = await bus.InvokeAsync<ShopCard>(new GetShopCardAnyState(order.ShopId), http.RequestAborted);
                return http.WithETag(new PlatformOrder(order, new ShopRef(shop.Id, shop.Name), order.Items), order.Version);
            })
            .WithSummary("An order of any shop as the admin SPA's platform page reads it: {order, shop: {id, name}, items}.");

        admin.MapPut("/orders/{orderId:guid}/status", async (Guid orderId, OrderEndpoints.StatusChange? body, [FromQuery(Name = "status")] string? status,
                [FromQuery(Name = "notes")] string? notes, IMessageBus bus, HttpContext http) =>
                await WriteOrderAsync(bus, http, orderId, new ChangeOrderStatus(orderId, body?.Status ?? status!, body?.Notes ?? notes, Versions.IfMatch(http.Request))))
            .WithSummary("Move an order of any shop, under the same rules as staff; recorded as the superadmin.");

        admin.MapPut("/orders/{orderId:guid}/cancel", async (Guid orderId, OrderEndpoints.Cancellation? body, [FromQuery(Name = "reason")] string? reason, IMessageBus bus, HttpContext http) =>
                await WriteOrderAsync(bus, http, orderId, new CancelOrder(orderId, body?.Reason ?? reason!, Versions.IfMatch(http.Request))))
            .WithSummary("Cancel an order of any shop ({reason} or ?reason=), under the same rules as staff.");

        admin.MapGet("/stats", (IMessageBus bus, HttpContext http, string? period) =>
                bus.InvokeAsync<PlatformStats>(new GetPlatformStats(period ?? "month"), http.RequestAborted))
            .WithSummary("Shops, users, and orders with revenue (tiyn) by status over ?period= today|week|month|year|all.");

        return app;
    }

    private static async Task<ShopCard> BlockShopAsync(IMessageBus bus, HttpContext http, int shopId, bool blocked, string? reason) =>
        ShopCard.Of(await bus.InvokeAsync<Shop>(new BlockShop(shopId, blocked, reason), http.RequestAborted));

    private static async Task<UserView> BlockUserAsync(IMessageBus bus, HttpContext http, Guid userId, bool blocked, string? reason)
    {
        await bus.InvokeAsync(new BlockUser(userId, blocked, reason), http.RequestAborted);
        return await bus.InvokeAsync<UserView>(new GetUser(userId), http.RequestAborted);
    }

    private static async Task<string> ShopOfOrderAsync(IMessageBus bus, HttpContext http, Guid orderId) =>
        Shop.TenantIdFor(await bus.InvokeAsync<int>(new FindOrderShop(orderId), http.RequestAborted));

    private static async Task<IResult> WriteOrderAsync(IMessageBus bus, HttpContext http, Guid orderId, object command)
    {
        var tenant = await ShopOfOrderAsync(bus, http, orderId);
        await bus.InvokeForTenantAsync(tenant, command, http.RequestAborted);
        var order = await bus.InvokeForTenantAsync<OrderDetails>(tenant, new GetOrder(orderId), http.RequestAborted);
        return http.WithETag(order, order.Version);
    }
}
