using System.Text.Json.Nodes;
using Cvety.Application.Orders;
using Cvety.Domain.Shops;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Cvety.Api.Endpoints;

/// <summary>
/// Changing an order after it was placed (staff), the admin SPA's lookups, and the legacy delete, which Cvety refuses:
/// a deleted order would lose its history.
/// </summary>
public static class OrderEditEndpoints
{
    public sealed record OrderEdit(string? CustomerName, string? CustomerPhone, string? Phone, string? CustomerEmail, string? RecipientName, string? RecipientPhone,
        string? DeliveryType, string? DeliveryAddress, DeliveryDateInput? DeliveryDate, string? ScheduledTime, string? DeliveryTime, string? PostcardText,
        string? PaymentMethod, long? DeliveryCost, string? DeliveryCostReason);
    public sealed record LineBody(int? ProductId, int? Quantity, string? SpecialRequests);

    public static IEndpointRouteBuilder MapOrderEditEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/v1/orders").WithTags("Orders").RequireAuthorization();

        orders.MapPut("/{id:guid}", (Guid id, OrderEdit body, IMessageBus bus, HttpContext http) =>
                Write(bus, http, id, new EditOrder(id, body.CustomerName, body.CustomerPhone ?? body.Phone, body.CustomerEmail, body.RecipientName, body.RecipientPhone,
                    body.DeliveryType, body.DeliveryAddress, body.DeliveryDate, body.ScheduledTime ?? body.DeliveryTime, body.PostcardText, body.PaymentMethod,
                    body.DeliveryCost, body.DeliveryCostReason, Versions.IfMatch(http.Request))))
            .WithSummary("Edit customer, recipient, delivery, postcard, payment method or delivery cost; each changed field is recorded with its old and new value.");

        // The admin SPA sends the line as query parameters and no body; a JSON body works too.
        orders.MapPost("/{id:guid}/items", (Guid id, [FromQuery(Name = "product_id")] int? productId, int? quantity, [FromQuery(Name = "special_requests")] string? specialRequests,
                HttpContext http, IMessageBus bus) => WriteLineAsync(bus, http, id, productId, quantity, specialRequests))
            .WithSummary("Add a line before assembly (?product_id=&quantity=&special_requests= or a body): the price is the catalog's, totals and stock follow.");

        orders.MapDelete("/{id:guid}/items/{productId:int}", (Guid id, int productId, IMessageBus bus, HttpContext http) =>
                Write(bus, http, id, new RemoveOrderLine(id, productId)))
            .WithSummary("Remove a product's line before assembly; totals and stock follow.");

        orders.MapDelete("/{id:guid}/photo", (Guid id, string? url, string? reason, IMessageBus bus, HttpContext http) =>
                Write(bus, http, id, new RemoveOrderPhoto(id, url, reason)))
            .WithSummary("Take a wrong photo off the order (the latest, or ?url=): gone from the tracking page, kept in the timeline.");

        orders.MapGet("/by-phone/{phone}", async (string phone, IMessageBus bus, HttpContext http, int? skip, int? limit) =>
                Lists.Page(http, await bus.InvokeForShopAsync<OrderPage>(http, new ListOrders(Phone: phone, Skip: skip ?? 0, Limit: limit ?? 50))))
            .WithSummary("The shop's orders of a customer or recipient phone, newest first.");

        orders.MapGet("/{id:guid}/availability", (Guid id, IMessageBus bus, HttpContext http) => bus.InvokeForShopAsync<OrderPreview>(http, new CheckOrderAvailability(id)))
            .WithSummary("Whether stock covers the order's lines now.");

        orders.MapPost("/preview", (JsonNode body, IMessageBus bus, HttpContext http) =>
                bus.InvokeForShopAsync<OrderPreview>(http, PublicOrderEndpoints.PreviewFrom(body, http)))
            .WithSummary("The staff form of the basket preview: prices, totals, stock, warnings; changes nothing.");

        orders.MapPost("/check-availability", (JsonNode body, IMessageBus bus, HttpContext http) =>
                bus.InvokeForShopAsync<OrderPreview>(http, PublicOrderEndpoints.PreviewFrom(body, http)))
            .WithSummary("Whether stock covers a basket ({items} or an array).");

        orders.MapDelete("/{id:guid}", (Guid id) => Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Orders are not deleted",
                detail: $"Deleting an order would lose its history. Cancel it instead: POST /api/v1/orders/{id}/cancel with a reason."))
            .WithSummary("Refused (405): orders are cancelled, never deleted.");

        app.MapGet("/api/v1/orders/admin/by-telegram", (long? telegram_user_id, IMessageBus bus, Application.Clients.BotOptions options, HttpContext http) =>
            {
                var shop = ShopScope.PublicShopOf(http);
                Auth.BotKeys.Require(http, options, shop);
                var id = telegram_user_id ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("telegram_user_id", "'telegram_user_id' is required.")]);
                return bus.InvokeForTenantAsync<StaffOrders>(Shop.TenantIdFor(shop), new ListOrdersForTelegramStaff(id), http.RequestAborted);
            })
            .AllowAnonymous().WithTags("Telegram bots")
            .WithSummary("For the admin bot (X-Bot-Key, ?shop_id=): the open orders of the staff member whose account is linked to ?telegram_user_id= (all open orders for a MANAGER or DIRECTOR); 403 for an id linked to nobody.");

        app.MapGet("/api/v1/orders/by-number/{number}/status", (string number, IMessageBus bus, HttpContext http) =>
                bus.InvokeForTenantAsync<OrderStatusByNumber>(ShopScope.PublicTenantOf(http), new GetOrderStatusByNumber(number), http.RequestAborted))
            .AllowAnonymous().WithTags("Orders (public)")
            .WithSummary("An order's status by its number in the shop named by ?shop_id=, with the phones masked; nothing else (numbers can be walked, so no tracking id).");

        return app;
    }

    private static async Task<IResult> WriteLineAsync(IMessageBus bus, HttpContext http, Guid id, int? productId, int? quantity, string? specialRequests)
    {
        if (productId is null && http.Request.HasJsonContentType())
        {
            var node = await JsonBodies.ParseAsync(http);
            var body = node is null ? null : JsonBodies.Read<LineBody>(http, node, "body");
            (productId, quantity, specialRequests) = (body?.ProductId, body?.Quantity, body?.SpecialRequests);
        }
        return await Write(bus, http, id, new AddOrderLine(id, productId ?? 0, quantity ?? 1, specialRequests));
    }

    private static async Task<IResult> Write(IMessageBus bus, HttpContext http, Guid id, object command)
    {
        await bus.InvokeForShopAsync(http, command);
        var order = await bus.InvokeForShopAsync<OrderDetails>(http, new GetOrder(id));
        return http.WithETag(order, order.Version);
    }
}
