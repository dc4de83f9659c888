using Cvety.Api.Auth;
using Cvety.Application.Auth;
using Cvety.Application.Common;
using Cvety.Application.Users;
using Cvety.Domain.Common;
using Wolverine;

namespace Cvety.Api.Endpoints;

public static class AuthEndpoints
{
    public const string RegistrationPolicy = "registration";

    public sealed record LoginResponse(string AccessToken, string TokenType, UserView User);

    public sealed record PasswordChange(string? OldPassword, string? CurrentPassword, string? NewPassword);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth");

        auth.MapPost("/login", async (Login login, IMessageBus bus, TokenIssuer tokens, LoginThrottle throttle, HttpContext http) =>
            {
                var phone = PhoneNumber.TryParse(login.Phone, out var p) ? p.Value : login.Phone ?? "";
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (await throttle.IsBlockedAsync(phone, client, http.RequestAborted))
                {
                    http.Response.Headers.RetryAfter = ((int)throttle.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too Many Requests",
                        detail: "Too many failed sign-ins. Try again later.");
                }

                try
                {
                    var user = await bus.InvokeAsync<UserView>(login);
                    await throttle.ResetAsync(phone, client, http.RequestAborted);
                    return Results.Ok(new LoginResponse(tokens.Issue(user), "bearer", user));
                }
                catch (AuthenticationFailedException)
                {
                    await throttle.RecordFailureAsync(phone, client, http.RequestAborted);
                    throw;
                }
            })
            .AllowAnonymous()
            .WithSummary("Sign in with phone and password; answers a bearer JWT.");

        auth.MapGet("/me", (IMessageBus bus) => bus.InvokeAsync<UserView>(new GetMe()))
            .RequireAuthorization()
            .WithSummary("The signed-in user.");

        auth.MapPost("/refresh", async (IMessageBus bus, TokenIssuer tokens) =>
            {
                var user = await bus.InvokeAsync<UserView>(new GetMe());
                return Results.Ok(new LoginResponse(tokens.Issue(user), "bearer", user));
            })
            .RequireAuthorization()
            .WithSummary("A new token for a still-valid one.");

        auth.MapPost("/logout", async (IMessageBus bus, ICurrentUser currentUser, HttpContext http) =>
            {
                var actor = currentUser.Actor;
                var expires = long.TryParse(http.User.FindFirst("exp")?.Value, out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp) : DateTimeOffset.UtcNow.AddDays(30);
                await bus.InvokeAsync(new SignOut(actor.UserId!.Value, actor.SessionId ?? Guid.Empty, expires), http.RequestAborted);
                return Results.Ok(new { message = "Signed out" });
            })
            .RequireAuthorization()
            .WithSummary("End this session: its token stops working at once, on every instance.");

        auth.MapGet("/verify-token", async (IMessageBus bus) => Results.Ok(new { valid = true, user = await bus.InvokeAsync<UserView>(new GetMe()) }))
            .RequireAuthorization()
            .WithSummary("{valid: true, user} for a token that still works; 401 otherwise.");

        auth.MapPut("/change-password", async (PasswordChange body, IMessageBus bus, ICurrentUser currentUser, HttpContext http) =>
            {
                var actor = currentUser.Actor;
                await bus.InvokeAsync(new ChangePassword(actor.UserId!.Value, actor.SessionId, body.OldPassword ?? body.CurrentPassword ?? "", body.NewPassword ?? ""), http.RequestAborted);
                return Results.Ok(new { message = "Password changed; other sessions are signed out" });
            })
            .RequireAuthorization()
            .WithSummary("Change your password ({old_password, new_password}); every other session of yours ends.");

        auth.MapGet("/users", async (IMessageBus bus, HttpContext http, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "shop_id")] int? shopId) =>
                Lists.Array(http, await bus.InvokeAsync<IReadOnlyList<UserView>>(new ListUsers(shopId), http.RequestAborted)))
            .RequireAuthorization()
            .WithSummary("The active staff of my shop (for the assignment pickers); the superadmin names one with ?shop_id=.");

        auth.MapPost("/register", async (Register body, IMessageBus bus, TokenIssuer tokens, IConfiguration configuration, HttpContext http) =>
            {
                if (!configuration.GetValue("Cvety:Registration:Enabled", true))
                    return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Self-registration is switched off.");
                var user = await bus.InvokeAsync<UserView>(body, http.RequestAborted);
                return Results.Created("/api/v1/auth/me", new LoginResponse(tokens.Issue(user), "bearer", user));
            })
            .AllowAnonymous()
            .RequireClusterLimit(RegistrationPolicy, "Cvety:Registration:PerClientPerHour", 5, TimeSpan.FromHours(1))
            .WithSummary("Sign up: opens a shop with you as its DIRECTOR, or joins the shop that invited your phone. Answers a token.");

        return app;
    }
}
