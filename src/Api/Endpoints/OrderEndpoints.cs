using Cvety.Application.Orders;
using Microsoft.AspNetCore.Mvc;
using Cvety.Application.Payments;
using Wolverine;

namespace Cvety.Api.Endpoints;

public static class OrderEndpoints
{
    public sealed record StatusChange(string? Status, string? Notes);
    public sealed record Cancellation(string? Reason);
    public sealed record Assignment(Guid UserId);
    public sealed record Note(string Text);
    public sealed record Refund(long? Amount, string Reason);

    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/v1/orders").WithTags("Orders").RequireAuthorization();

        async Task<IResult> Place(PlaceOrder command, IMessageBus bus, HttpContext http)
        {
            var placed = await bus.InvokeForShopAsync<PlacedOrder>(http, command);
            var order = await bus.InvokeForShopAsync<OrderDetails>(http, new GetOrder(placed.Id));
            http.Response.Headers.Location = $"/api/v1/orders/{placed.Id}";
            return http.WithETag(order, order.Version, StatusCodes.Status201Created);
        }

        orders.MapPost("/", Place).WithSummary("Place an order for the staff member's shop; prices and totals come from the catalog.");
        orders.MapPost("/with-items", Place).WithSummary("Legacy path of POST /api/v1/orders.");

        orders.MapGet("/", async (IMessageBus bus, HttpContext http, string? status, string? phone, [FromQuery(Name = "customer_phone")] string? customerPhone,
                string? search, [FromQuery(Name = "assigned_to_me")] bool? assignedToMe, [FromQuery(Name = "date_from")] DateOnly? dateFrom,
                [FromQuery(Name = "date_to")] DateOnly? dateTo, int? skip, int? limit) =>
                Lists.Page(http, await bus.InvokeForShopAsync<OrderPage>(http, new ListOrders(status, phone ?? customerPhone, search, assignedToMe ?? false, dateFrom, dateTo, skip ?? 0, limit ?? 50))))
            .WithSummary("The shop's orders, newest first, as a JSON array (the total in X-Total-Count): filter by status, phone, text, assignment and delivery date.");

        orders.MapGet("/{id:guid}", async (Guid id, IMessageBus bus, HttpContext http, [FromQuery(Name = "as_of_version")] long? asOfVersion, [FromQuery(Name = "as_of")] DateTimeOffset? asOf) =>
            {
                var order = await bus.InvokeForShopAsync<OrderDetails>(http, new GetOrder(id, asOfVersion, asOf));
                return http.WithETag(order, order.Version);
            })
            .WithSummary("An order with its version (also its ETag); as_of_version or as_of show it as it was.");

        // The admin SPA sends these as query parameters (?status=&notes=, ?reason=) with no body; a JSON body works too.
        orders.MapPatch("/{id:guid}/status", (Guid id, StatusChange? body, [FromQuery(Name = "status")] string? status, [FromQuery(Name = "notes")] string? notes, IMessageBus bus, HttpContext http) =>
                Write(bus, http, id, new ChangeOrderStatus(id, body?.Status ?? status!, body?.Notes ?? notes, Versions.IfMatch(http.Request))))
            .WithSummary("Move the order one allowed step ({status, notes} or ?status=&notes=; If-Match for optimistic concurrency).");

        orders.MapPost("/{id:guid}/cancel", (Guid id, Cancellation? body, [FromQuery(Name = "reason")] string? reason, IMessageBus bus, HttpContext http) =>
                Write(bus, http, id, new CancelOrder(id, body?.Reason ?? reason!, Versions.IfMatch(http.Request))))
            .WithSummary("Cancel an order that has not been delivered ({reason} or ?reason=; staff only).");

        orders.MapPost("/{id:guid}/refunds", async (Guid id, Refund body, IMessageBus bus, HttpContext http) =>
                Results.Accepted($"/api/v1/orders/{id}", await bus.InvokeForShopAsync<RefundAccepted>(http, new RefundOrder(id, body.Amount, body.Reason))))
            .WithSummary("Refund all that is left of a Kaspi payment, or part of it (amount in tiyn); the refund goes to Kaspi through the outbox.");

        orders.MapPost("/{id:guid}/payment-link", (Guid id, IMessageBus bus, HttpContext http) =>
                bus.InvokeForShopAsync<PaymentLinkView>(http, new CreatePaymentLink(id)))
            .WithSummary("A Kaspi payment link for the order (an open one is handed out again).");

        orders.MapPatch("/{id:guid}/assign-responsible", (Guid id, Assignment body, IMessageBus bus, HttpContext http) =>
                Write(bus, http, id, new AssignOrderStaff(id, body.UserId, StaffAssignment.Responsible, Versions.IfMatch(http.Request))))
            .WithSummary("Put a florist of the shop in charge of the order.");

        orders.MapPatch("/{id:guid}/assign-courier", (Guid id, Assignment body, IMessageBus bus, HttpContext http) =>
                Write(bus, http, id, new AssignOrderStaff(id, body.UserId, StaffAssignment.Courier, Versions.IfMatch(http.Request))))
            .WithSummary("Put a courier of the shop on the order.");

        orders.MapPost("/{id:guid}/notes", (Guid id, Note body, IMessageBus bus, HttpContext http) =>
                Write(bus, http, id, new AddOrderNote(id, body.Text, Versions.IfMatch(http.Request))))
            .WithSummary("Add a staff note to the order.");

        orders.MapPost("/{id:guid}/photo", async (Guid id, IFormFile? file, IMessageBus bus, HttpContext http) =>
            {
                var content = await Uploads.ReadAsync(file, AddOrderPhoto.MaxBytes, http.RequestAborted);
                await bus.InvokeForShopAsync<string>(http, new AddOrderPhoto(id, content, Versions.IfMatch(http.Request)));
                var order = await bus.InvokeForShopAsync<OrderDetails>(http, new GetOrder(id));
                return http.WithETag(order, order.Version);
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(AddOrderPhoto.MaxBytes + 64 * 1024))
            .WithSummary("Upload the photo of the assembled bouquet (multipart field 'file': JPEG, PNG or WebP, up to 10 MB).");

        orders.MapGet("/{id:guid}/history", (Guid id, IMessageBus bus, HttpContext http) =>
                bus.InvokeForShopAsync<IReadOnlyList<OrderHistoryRow>>(http, new GetOrderHistory(id)))
            .WithSummary("The order_history rows: field, old and new value, who and when.");

        orders.MapGet("/{id:guid}/timeline", (Guid id, IMessageBus bus, HttpContext http) =>
                bus.InvokeForShopAsync<IReadOnlyList<TimelineEntry>>(http, new GetOrderTimeline(id)))
            .WithSummary("Every event of the order in order, with actor, source, reason, correlation and causation.");

        return app;
    }

    private static async Task<IResult> Write(IMessageBus bus, HttpContext http, Guid id, object command)
    {
        await bus.InvokeForShopAsync(http, command);
        var order = await bus.InvokeForShopAsync<OrderDetails>(http, new GetOrder(id));
        return http.WithETag(order, order.Version);
    }
}
