using Cvety.Application.Clients;
using Cvety.Application.Common;
using Cvety.Domain.Shops;
using Wolverine;

namespace Cvety.Api.Endpoints;

/// <summary>
/// What the shop's Telegram bots call directly: is this person registered, and register them. A bot proves itself
/// with its shop's key (<c>X-Bot-Key</c>, <c>Cvety:Bots:Shops:{shopId}:Key</c>); without one the call is 401 unless
/// the shop still allows the legacy unauthenticated call.
/// </summary>
public static class TelegramEndpoints
{
    public static IEndpointRouteBuilder MapTelegramEndpoints(this IEndpointRouteBuilder app)
    {
        var bots = app.MapGroup("/api/v1/telegram").WithTags("Telegram bots").AllowAnonymous();

        bots.MapGet("/client", async (long? telegram_user_id, IMessageBus bus, BotOptions options, HttpContext http) =>
            {
                var shop = ShopScope.PublicShopOf(http);
                RequireBot(http, options, shop);
                var id = telegram_user_id ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("telegram_user_id", "'telegram_user_id' is required.")]);
                // As the legacy backend did and the bots expect: 200 with null for a stranger (the MCP tool passes a 404 on as an error).
                var card = await bus.InvokeForTenantAsync<ClientCard?>(Shop.TenantIdFor(shop), new GetTelegramClient(id), http.RequestAborted);
                return card is null ? Results.Text("null", "application/json") : Results.Json(card);
            })
            .WithSummary("The shop's client with this Telegram account (?telegram_user_id=&shop_id=), or null when not registered.");

        bots.MapPost("/client/register", async (RegisterTelegramClient command, IMessageBus bus, BotOptions options, HttpContext http) =>
            {
                var shop = command.ShopId is > 0 and var fromBody ? fromBody : ShopScope.PublicShopOf(http);
                RequireBot(http, options, shop);
                return await bus.InvokeForTenantAsync<ClientCard>(Shop.TenantIdFor(shop), command, http.RequestAborted);
            })
            .WithSummary("Register a person who shared their contact with the bot, or update them ({telegram_user_id, phone, customer_name, shop_id, telegram_username, telegram_first_name}).");

        return app;
    }

    private static void RequireBot(HttpContext http, BotOptions options, int shop) => Auth.BotKeys.Require(http, options, shop);
}
