using System.Globalization;
using System.Text.Json;
using Cvety.Api.Auth;
using Cvety.Api.Endpoints;
using Cvety.Api.Errors;
using Cvety.Application.Clients;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using Wolverine;

namespace Cvety.Api.Mcp;

/// <summary>
/// Cvety's Model Context Protocol endpoint (<c>/mcp</c>, Streamable HTTP, stateless so any node answers): every tool
/// is a use case of the API, sent as the same Wolverine message as its route, under the same credentials (a staff
/// bearer token, or a shop's agent key in <c>X-Bot-Key</c>), so no rule lives in a tool. A staff tool is listed and
/// callable only for the roles its permission names; a refused or invalid call is a tool error that says why, in the
/// API's words. See docs/decisions/0028.
/// </summary>
public static class McpEndpoint
{
    public const string Path = "/mcp";

    /// <summary>Any signed-in member of a shop's staff (the policy of the staff tools that every role may use).</summary>
    public const string StaffPolicy = "Staff";

    public static bool Serves(HttpContext http) => http.Request.Path.StartsWithSegments(Path, StringComparison.Ordinal);

    public static IServiceCollection AddCvetyMcp(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(StaffPolicy, p => p.RequireRole(
            new[] { UserRole.Florist, UserRole.Courier, UserRole.Manager, UserRole.Director, UserRole.Superadmin }.Select(UserRoles.Name)));
        services.AddMcpServer(o => o.ServerInfo = new Implementation { Name = "cvety", Title = "Cvety", Version = "1.0.0" })
            .WithHttpTransport(o => o.Stateless = true)
            .AddAuthorizationFilters()
            .WithRequestFilters(filters => filters.AddCallToolFilter(next => async (context, ct) =>
            {
                try
                {
                    return await next(context, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return Refusal(e, context.Services?.GetService<ILoggerFactory>());
                }
            }))
            .WithTools<CustomerTools>()
            .WithTools<StaffTools>();
        return services;
    }

    public static void MapCvetyMcp(this IEndpointRouteBuilder app) => app.MapMcp(Path).WithTags("MCP");

    /// <summary>A call the API would refuse with a 4xx, as a tool error with the same title, detail and fields.</summary>
    private static CallToolResult Refusal(Exception e, ILoggerFactory? logging)
    {
        var problem = ProblemDetailsExceptionHandler.Map(e);
        if (problem.Status >= 500) logging?.CreateLogger("Cvety.Api.Mcp").LogError(e, "An MCP tool failed");
        var text = $"{problem.Status} {problem.Title}: {problem.Detail}";
        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation)
            text += " " + string.Join(" ", validation.Errors.SelectMany(f => f.Value.Select(m => $"[{f.Key}] {m}")));
        return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = text }] };
    }
}

/// <summary>What every tool needs: the request, the bus, the API's JSON, and the shop a call is for.</summary>
public sealed class McpContext(IHttpContextAccessor accessor, IMessageBus bus, IOptions<JsonOptions> json, BotOptions bots)
{
    public HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("An MCP tool runs inside its HTTP request.");

    public IMessageBus Bus => bus;

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>An answer as the API's routes write it (snake_case, tiyn, the shop's times).</summary>
    public string Answer(object? value) => JsonSerializer.Serialize(value, json.Value.SerializerOptions);

    /// <summary>
    /// The shop of a call: staff work in their own (the superadmin names one), anyone else names it. A caller who sends
    /// an agent key must send the shop's own: the changes it makes are then the shop's agent's.
    /// </summary>
    public int ShopOf(int? shopId)
    {
        if (Http.User.Identity?.IsAuthenticated == true)
        {
            if (Http.User.FindFirst(CvetyClaims.Role)?.Value == "SUPERADMIN")
                return shopId ?? throw Required("shop_id", "The superadmin names the shop with shop_id.");
            return int.Parse(ShopScope.TenantOf(Http), CultureInfo.InvariantCulture);
        }
        var shop = shopId is > 0 ? shopId.Value : throw Required("shop_id", "Name the shop with shop_id.");
        if (Http.Request.Headers.ContainsKey("X-Bot-Key")) BotKeys.Require(Http, bots, shop);
        return shop;
    }

    /// <summary>The shop of a call only staff or the shop's agent (its key) may make.</summary>
    public int ShopOfStaffOrAgent(int? shopId)
    {
        var shop = ShopOf(shopId);
        if (Http.User.Identity?.IsAuthenticated != true) BotKeys.Require(Http, bots, shop);
        return shop;
    }

    public Task<T> InvokeAsync<T>(int shop, object message) => bus.InvokeForTenantAsync<T>(Shop.TenantIdFor(shop), message, Aborted);

    public Task InvokeAsync(int shop, object message) => bus.InvokeForTenantAsync(Shop.TenantIdFor(shop), message, Aborted);

    public static ValidationException Required(string field, string message) => new([new ValidationFailure(field, message)]);

    /// <summary>
    /// The same per-client limit as the public route the tool stands for, counted together with it for the whole
    /// cluster (<see cref="ClusterRateLimit"/>): an assistant places no more orders than a browser.
    /// </summary>
    public async Task LimitAsync(string policy, string setting, int byDefault, TimeSpan window)
    {
        if (Http.User.Identity?.IsAuthenticated == true) return;
        var limit = Http.RequestServices.GetRequiredService<IConfiguration>().GetValue(setting, byDefault);
        var client = Http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var count = await Http.RequestServices.GetRequiredService<Cvety.Infrastructure.Database.ClusterLimits>().HitAsync($"{policy}:{client}", window, Aborted);
        if (count > limit) throw new TooManyCallsException();
    }
}

/// <summary>A tool called more often than its public route allows one client.</summary>
public sealed class TooManyCallsException() : Exception("Too many requests from this client; try again later.");
