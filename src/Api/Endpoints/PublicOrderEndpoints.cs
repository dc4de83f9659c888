using Cvety.Api.Auth;
using System.Text.Json.Nodes;
using Cvety.Application.Orders;
using Cvety.Domain.Shops;
using Cvety.Application.Payments;
using Wolverine;

namespace Cvety.Api.Endpoints;

/// <summary>What customers reach without an account: placing an order and following it by its tracking id.</summary>
public static class PublicOrderEndpoints
{
    public const string PublicOrdersPolicy = "public-orders";

    /// <summary>The tracking page's edit form; <c>delivery_time</c> is the shop SPA's name for <c>scheduled_time</c>.</summary>
    public sealed record CustomerEdit(string? RecipientName, string? RecipientPhone, string? DeliveryAddress, DeliveryDateInput? DeliveryDate,
        string? ScheduledTime, string? PostcardText, string? DeliveryTime = null);
    public sealed record PhotoFeedback(string Feedback, string? Comment);

    public static IEndpointRouteBuilder MapPublicOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/v1/orders").WithTags("Orders (public)").AllowAnonymous();

        orders.MapPost("/public/create", async (PlaceOrder command, IMessageBus bus, HttpContext http) =>
            {
                var tenant = ShopScope.PublicTenantOf(http);
                var placed = await bus.InvokeForTenantAsync<PlacedOrder>(tenant, command, http.RequestAborted);
                var receipt = await bus.InvokeForTenantAsync<OrderReceipt>(tenant, new GetOrderReceipt(placed.Id), http.RequestAborted);
                return Results.Created($"/api/v1/orders/by-tracking/{placed.TrackingId}/status", receipt);
            })
            .RequireClusterLimit(PublicOrdersPolicy, "Cvety:RateLimits:PublicOrdersPerMinute", 10, TimeSpan.FromMinutes(1))
            .WithSummary("A customer places an order in the shop named by ?shop_id=; answers the order as recorded (id, tracking_id, orderNumber, items, totals in tiyn).");

        // The MCP server posts a bare array of items; the shop SPA {items: [...]}.
        orders.MapPost("/public/preview", (JsonNode body, IMessageBus bus, HttpContext http) =>
                bus.InvokeForTenantAsync<OrderPreview>(ShopScope.PublicTenantOf(http), PreviewFrom(body, http), http.RequestAborted))
            .RequireClusterLimit(ProductEndpoints.PublicBrowsingPolicy, "Cvety:RateLimits:PublicBrowsingPerMinute", 60, TimeSpan.FromMinutes(1))
            .WithSummary("Check a basket ({items} or a bare array of items) in the shop named by ?shop_id=: current prices, totals in tiyn, whether stock covers it, warnings. Changes nothing.");

        orders.MapGet("/public/track/phone/{phone}", async (string phone, IMessageBus bus, Application.Clients.BotOptions options, HttpContext http) =>
                Lists.Array(http, await bus.InvokeForTenantAsync<IReadOnlyList<PublicOrderView>>(
                    Shop.TenantIdFor(Auth.BotKeys.ShopOfStaffOrBot(http, options)), new TrackOrdersByPhone(phone), http.RequestAborted)))
            .WithSummary("The AI agent (X-Bot-Key and ?shop_id=) or staff: the tracking views of a customer phone's orders, newest first (at most 10).");

        orders.MapGet("/by-tracking/{trackingId}/status", async (string trackingId, IMessageBus bus, HttpContext http) =>
            {
                var lookup = await bus.InvokeAsync<TrackingLookup>(new ResolveTracking(trackingId), http.RequestAborted);
                return await bus.InvokeForTenantAsync<PublicOrderView>(Shop.TenantIdFor(lookup.ShopId), new GetPublicOrder(lookup.OrderId), http.RequestAborted);
            })
            .WithSummary("The public tracking view: status, items, photos; phones masked.");

        // ?changed_by=customer, which the shop SPA adds, is accepted and changes nothing: this route is always the customer.
        orders.MapPut("/by-tracking/{trackingId}", async (string trackingId, CustomerEdit body, IMessageBus bus, HttpContext http) =>
            {
                var lookup = await bus.InvokeAsync<TrackingLookup>(new ResolveTracking(trackingId), http.RequestAborted);
                var tenant = Shop.TenantIdFor(lookup.ShopId);
                await bus.InvokeForTenantAsync(tenant, new EditOrderByCustomer(lookup.OrderId, body.RecipientName, body.RecipientPhone,
                    body.DeliveryAddress, body.DeliveryDate, body.ScheduledTime ?? body.DeliveryTime, body.PostcardText), http.RequestAborted);
                return await bus.InvokeForTenantAsync<PublicOrderView>(tenant, new GetPublicOrder(lookup.OrderId), http.RequestAborted);
            })
            .WithSummary("The customer changes recipient, address, date, time or postcard, until the bouquet is assembled.");

        orders.MapPost("/by-tracking/{trackingId}/photo/feedback", async (string trackingId, PhotoFeedback body, IMessageBus bus, HttpContext http) =>
            {
                var lookup = await bus.InvokeAsync<TrackingLookup>(new ResolveTracking(trackingId), http.RequestAborted);
                var tenant = Shop.TenantIdFor(lookup.ShopId);
                await bus.InvokeForTenantAsync(tenant, new GiveOrderPhotoFeedback(lookup.OrderId, body.Feedback, body.Comment), http.RequestAborted);
                return await bus.InvokeForTenantAsync<PublicOrderView>(tenant, new GetPublicOrder(lookup.OrderId), http.RequestAborted);
            })
            .WithSummary("The customer likes or dislikes the bouquet's photo, once.");

        orders.MapPost("/by-tracking/{trackingId}/payment-link", async (string trackingId, IMessageBus bus, HttpContext http) =>
            {
                var lookup = await bus.InvokeAsync<TrackingLookup>(new ResolveTracking(trackingId), http.RequestAborted);
                return await bus.InvokeForTenantAsync<PaymentLinkView>(Shop.TenantIdFor(lookup.ShopId), new CreatePaymentLink(lookup.OrderId), http.RequestAborted);
            })
            .RequireClusterLimit(PublicOrdersPolicy, "Cvety:RateLimits:PublicOrdersPerMinute", 10, TimeSpan.FromMinutes(1))
            .WithSummary("The customer asks for a Kaspi payment link for their own order (web checkout).");

        return app;
    }

    /// <summary>{items: [...]} (the shop SPA) or a bare array of items (the MCP server).</summary>
    internal static PreviewOrder PreviewFrom(JsonNode body, HttpContext http) => body is JsonArray
        ? new PreviewOrder(JsonBodies.Read<List<PlaceOrder.Item>>(http, body, "body") ?? [])
        : JsonBodies.Read<PreviewOrder>(http, body, "body") ?? throw new BadHttpRequestException("The body must be {items: [...]} or an array of items.");
}
