using Cvety.Api.Auth;
using Cvety.Application.Auth;
using Cvety.Application.Common;
using Cvety.Application.Users;
using Cvety.Domain.Common;
using Wolverine;

namespace Cvety.Api.Endpoints;

public static class AuthEndpoints
{
    public sealed record LoginResponse(string AccessToken, string TokenType, UserView User);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth");

        auth.MapPost("/login", async (Login login, IMessageBus bus, TokenIssuer tokens, LoginThrottle throttle, HttpContext http) =>
            {
                var phone = PhoneNumber.TryParse(login.Phone, out var p) ? p.Value : login.Phone ?? "";
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (throttle.IsBlocked(phone, client, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too Many Requests",
                        detail: "Too many failed sign-ins. Try again later.");
                }

                try
                {
                    var user = await bus.InvokeAsync<UserView>(login);
                    throttle.Reset(phone, client);
                    return Results.Ok(new LoginResponse(tokens.Issue(user), "bearer", user));
                }
                catch (AuthenticationFailedException)
                {
                    throttle.RecordFailure(phone, client);
                    throw;
                }
            })
            .AllowAnonymous()
            .WithSummary("Sign in with phone and password; answers a bearer JWT.");

        auth.MapGet("/me", (IMessageBus bus) => bus.InvokeAsync<UserView>(new GetMe()))
            .RequireAuthorization()
            .WithSummary("The signed-in user.");

        return app;
    }
}
