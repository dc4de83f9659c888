using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;

namespace Cvety.Api.Auth;

/// <summary>
/// The bodies of the token's refusals, as problem details with the legacy backend's words in <c>detail</c>: the
/// clients read that string (the admin SPA translates it), and an empty body broke those that parse every error.
/// A missing token is 401 "Not authenticated" (the legacy said 403; a 401 sends the admin SPA to sign in again, which
/// is what it should do), a bad or ended one 401 "Could not validate credentials", a role that may not 403.
/// </summary>
public static class Refusals
{
    public static async Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var missing = context.AuthenticateFailure is null && string.IsNullOrEmpty(context.Request.Headers.Authorization);
        await WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Unauthorized",
            missing ? "Not authenticated" : "Could not validate credentials");
    }

    public static Task ForbiddenAsync(ForbiddenContext context) =>
        WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden",
            context.Request.Path.StartsWithSegments("/api/v1/superadmin") ? "Operation requires superadmin access" : "Not enough permissions");

    private static async Task WriteAsync(HttpContext http, int status, string title, string detail)
    {
        if (http.Response.HasStarted) return;
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized) http.Response.Headers.WWWAuthenticate = "Bearer";
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
