using System.Globalization;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using Marten;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Cvety.Api.Auth;

/// <summary>
/// A signed token is necessary, not sufficient: on every request the account behind it is read from PostgreSQL, so a
/// sign-out, a new password, a removal, a block of the user or of their shop ends the token at once, on every
/// instance of the API and across restarts. One primary-key read (two with a shop, in one round trip); no cache.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(TokenValidatedContext context)
    {
        if (await ProblemAsync(context.HttpContext, context.Principal!) is { } problem) context.Fail(problem);
    }

    /// <summary>Why the signed-in principal (a token's or the staff UI cookie's) no longer stands, or null when it does.</summary>
    public static async Task<string?> ProblemAsync(HttpContext http, System.Security.Claims.ClaimsPrincipal principal)
    {
        if (!Guid.TryParse(principal.FindFirst(CvetyClaims.Subject)?.Value, out var userId)) return "The token names no user.";
        var stamp = int.TryParse(principal.FindFirst(CvetyClaims.Stamp)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0;
        Guid? session = Guid.TryParse(principal.FindFirst(CvetyClaims.Session)?.Value, out var sid) ? sid : null;
        int? shopId = int.TryParse(principal.FindFirst(CvetyClaims.ShopId)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var shop) ? shop : null;

        var store = http.RequestServices.GetRequiredService<IDocumentStore>();
        await using var query = store.QuerySession();
        var batch = query.CreateBatchQuery();
        var userLoad = batch.Load<User>(userId);
        var shopLoad = shopId is { } id ? batch.Load<Shop>(id) : null;
        await batch.Execute(http.RequestAborted);
        var user = await userLoad;

        return user is null || !user.Honours(stamp, session) ? "This session has ended; sign in again."
            : shopLoad is not null && await shopLoad is null or { IsBlocked: true } ? "This shop is blocked; contact the platform."
            : null;
    }
}
