using Cvety.Infrastructure.Database;

namespace Cvety.Api.Auth;

/// <summary>
/// A limit per client address on a public route (sign-ups, public orders, photo searches and basket previews, reviews),
/// counted for the whole cluster in PostgreSQL (<see cref="ClusterLimits"/>), not in each API process: two nodes allow
/// what one would. The limit is read from configuration per request, so a changed setting applies at once.
/// </summary>
public static class ClusterRateLimit
{
    public static TBuilder RequireClusterLimit<TBuilder>(this TBuilder builder, string policy, string setting, int byDefault, TimeSpan window)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var limit = http.RequestServices.GetRequiredService<IConfiguration>().GetValue(setting, byDefault);
            var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var count = await http.RequestServices.GetRequiredService<ClusterLimits>().HitAsync($"{policy}:{client}", window, http.RequestAborted);
            if (count <= limit) return await next(context);
            http.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too Many Requests",
                detail: "Too many requests from this client; try again later.");
        });
}
