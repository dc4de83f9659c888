using System.Globalization;
using Cvety.Api.Auth;
using Cvety.Application.Common;
using Cvety.Domain.Shops;
using FluentValidation;
using FluentValidation.Results;
using Wolverine;

namespace Cvety.Api.Endpoints;

/// <summary>
/// The one place where a request is bound to a shop. Staff always work in the shop of their token, whatever the
/// request says; the superadmin names a shop with <c>?shop_id=</c>. Every use case then runs in a Marten session of
/// that shop (Wolverine's tenant), so no query can reach another shop's data.
/// </summary>
public static class ShopScope
{
    public static string TenantOf(HttpContext http)
    {
        var user = http.User;
        if (int.TryParse(user.FindFirst(CvetyClaims.ShopId)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var own))
            return Shop.TenantIdFor(own);
        if (user.FindFirst(CvetyClaims.Role)?.Value == "SUPERADMIN")
            return Shop.TenantIdFor(ShopFromQuery(http) ?? throw new ValidationException([new ValidationFailure("shop_id", "The superadmin must name a shop with ?shop_id=.")]));
        throw new ForbiddenException("This account belongs to no shop.");
    }

    /// <summary>
    /// The shop of a route that staff and the public share: a signed-in caller's own shop (the superadmin names one),
    /// anyone else names it with <c>?shop_id=</c>.
    /// </summary>
    public static int ShopOf(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? int.Parse(TenantOf(http), CultureInfo.InvariantCulture) : PublicShopOf(http);

    /// <summary>For public endpoints: the shop the request names.</summary>
    public static string PublicTenantOf(HttpContext http) => Shop.TenantIdFor(PublicShopOf(http));

    /// <summary>The shop a public request names with <c>?shop_id=</c>; a missing or malformed one is a 422.</summary>
    public static int PublicShopOf(HttpContext http) =>
        ShopFromQuery(http) ?? throw new ValidationException([new ValidationFailure("shop_id", "Name the shop with ?shop_id=.")]);

    private static int? ShopFromQuery(HttpContext http)
    {
        var raw = http.Request.Query["shop_id"].ToString();
        if (raw.Length == 0) return null;
        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var shop) && shop > 0
            ? shop
            : throw new ValidationException([new ValidationFailure("shop_id", "'shop_id' must be a positive integer.")]);
    }

    public static Task<T> InvokeForShopAsync<T>(this IMessageBus bus, HttpContext http, object message) =>
        bus.InvokeForTenantAsync<T>(TenantOf(http), message, http.RequestAborted);

    public static Task InvokeForShopAsync(this IMessageBus bus, HttpContext http, object message) =>
        bus.InvokeForTenantAsync(TenantOf(http), message, http.RequestAborted);
}

/// <summary>Versions travel as ETags: <c>ETag: "7"</c> on reads, <c>If-Match: "7"</c> on writes.</summary>
public static class Versions
{
    public static long? IfMatch(HttpRequest request)
    {
        var raw = request.Headers.IfMatch.ToString().Trim();
        if (raw.Length == 0 || raw == "*") return null;
        if (raw.StartsWith("W/", StringComparison.Ordinal)) raw = raw[2..];
        return long.TryParse(raw.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new BadHttpRequestException("If-Match must be the order's ETag, e.g. \"7\".");
    }

    public static IResult WithETag<T>(this HttpContext http, T body, long version, int status = StatusCodes.Status200OK)
    {
        http.Response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
        return Results.Json(body, statusCode: status);
    }
}
