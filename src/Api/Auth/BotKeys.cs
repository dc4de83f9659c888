using Cvety.Application.Clients;
using Cvety.Application.Common;

namespace Cvety.Api.Auth;

/// <summary>
/// A shop's bots and its AI agent prove themselves with the shop's key (<c>X-Bot-Key</c>,
/// <c>Cvety:Bots:Shops:{shopId}:Key</c>); a shop may still allow the legacy keyless call for the transition.
/// </summary>
public static class BotKeys
{
    public static void Require(HttpContext http, BotOptions options, int shop)
    {
        var configured = options.For(shop);
        var given = http.Request.Headers["X-Bot-Key"].ToString();
        if (Secrets.Match(given, configured?.Key)) return;
        if (given.Length == 0 && configured?.AllowUnauthenticated == true) return;
        throw new AuthenticationFailedException("A bot of this shop must send its key in X-Bot-Key.");
    }

    /// <summary>The shop of a call from the shop's staff (their token) or from its bots and agent (?shop_id= and the key).</summary>
    public static int ShopOfStaffOrBot(HttpContext http, BotOptions options)
    {
        if (http.User.Identity?.IsAuthenticated == true) return Endpoints.ShopScope.ShopOf(http);
        var shop = Endpoints.ShopScope.PublicShopOf(http);
        Require(http, options, shop);
        return shop;
    }
}
