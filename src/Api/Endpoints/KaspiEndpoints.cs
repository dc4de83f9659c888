using Cvety.Api.Auth;
using Cvety.Application.Clients;
using Cvety.Application.Orders;
using Cvety.Application.Payments;
using Cvety.Domain.Shops;
using Wolverine;

namespace Cvety.Api.Endpoints;

/// <summary>
/// The legacy <c>/kaspi/*</c> routes the AI agent and the admin SPA call, amounts in tenge. The legacy left refunds
/// unauthenticated: here every route needs a staff token, or (except refunds) the shop's key for its AI agent.
/// </summary>
public static class KaspiEndpoints
{
    public sealed record CreateBody(string? Phone, decimal? Amount, string? Message, Guid? OrderId, string? TrackingId);
    public sealed record RefundBody(string? ExternalId, decimal? Amount, string? Reason);

    public static IEndpointRouteBuilder MapKaspiEndpoints(this IEndpointRouteBuilder app)
    {
        var kaspi = app.MapGroup("/api/v1/kaspi").WithTags("Kaspi");

        kaspi.MapPost("/create", async (CreateBody body, IMessageBus bus, BotOptions options, HttpContext http) =>
            {
                var (tenant, agent) = Caller(http, options);
                Guid? orderId = body.OrderId;
                if (orderId is null && !string.IsNullOrWhiteSpace(body.TrackingId))
                {
                    var lookup = await bus.InvokeAsync<TrackingLookup>(new ResolveTracking(body.TrackingId), http.RequestAborted);
                    if (Shop.TenantIdFor(lookup.ShopId) != tenant) throw new Application.Common.NotFoundException("Order", body.TrackingId);
                    orderId = lookup.OrderId;
                }
                var answer = await bus.InvokeForTenantAsync<KaspiPaymentAnswerView>(tenant, new CreateKaspiPayment(body.Phone ?? "", body.Amount, body.Message, orderId, agent), http.RequestAborted);
                return Results.Created($"/api/v1/kaspi/details/{answer.ExternalId}", answer);
            })
            .AllowAnonymous()
            .WithSummary("A Kaspi remote payment to {phone} for {amount} tenge ({message}); with order_id or tracking_id it pays that order through the usual flow.");

        kaspi.MapGet("/status/{externalId}", async (string externalId, IMessageBus bus, BotOptions options, HttpContext http) =>
            {
                var (tenant, agent) = Caller(http, options);
                var details = await bus.InvokeForTenantAsync<KaspiPaymentDetails>(tenant, new GetKaspiPayment(externalId, agent), http.RequestAborted);
                return Results.Ok(new { success = true, external_id = details.ExternalId, status = details.Status, order_id = details.OrderId, error = (string?)null });
            })
            .AllowAnonymous()
            .WithSummary("A payment's status as Kaspi reports it now.");

        kaspi.MapGet("/details/{externalId}", async (string externalId, IMessageBus bus, BotOptions options, HttpContext http) =>
            {
                var (tenant, agent) = Caller(http, options);
                return await bus.InvokeForTenantAsync<KaspiPaymentDetails>(tenant, new GetKaspiPayment(externalId, agent), http.RequestAborted);
            })
            .AllowAnonymous()
            .WithSummary("A payment's status, amount, masked phone, message and the order it pays.");

        kaspi.MapPost("/refund", async (RefundBody body, IMessageBus bus, HttpContext http) =>
                Results.Accepted(null, await bus.InvokeForShopAsync<RefundAccepted>(http, new RefundKaspiByPayment(body.ExternalId ?? "", body.Amount, body.Reason))))
            .RequireAuthorization()
            .WithSummary("Refund {amount} tenge (all that is left when absent) of a payment, through its order's refund rules (MANAGER, DIRECTOR).");

        return app;
    }

    /// <summary>Staff in their shop, or the shop's AI agent with its key and ?shop_id=.</summary>
    private static (string Tenant, bool Agent) Caller(HttpContext http, BotOptions options) =>
        http.User.Identity?.IsAuthenticated == true
            ? (ShopScope.TenantOf(http), false)
            : (Shop.TenantIdFor(BotKeys.ShopOfStaffOrBot(http, options)), true);
}
