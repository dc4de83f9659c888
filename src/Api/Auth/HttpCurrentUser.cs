using System.Globalization;
using Cvety.Application.Common;
using Cvety.Domain.Users;

namespace Cvety.Api.Auth;

/// <summary>Reads the caller from the validated JWT of the current request.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public Actor Actor
    {
        get
        {
            var http = accessor.HttpContext;
            var principal = http?.User;
            // An AI assistant through /mcp: its changes say so, and on whose behalf (ADR 0028).
            var channel = http is not null && Mcp.McpEndpoint.Serves(http) ? Cvety.Domain.Common.Sources.Mcp : null;
            if (principal?.Identity?.IsAuthenticated != true)
                return channel is null ? Actor.Anonymous : Actor.Anonymous with { Channel = channel, Agent = http!.Request.Headers.ContainsKey("X-Bot-Key") ? "agent" : "customer" };
            var id = Guid.TryParse(principal.FindFirst(CvetyClaims.Subject)?.Value, out var g) ? g : (Guid?)null;
            UserRole? role = UserRoles.TryParse(principal.FindFirst(CvetyClaims.Role)?.Value, out var r) ? r : null;
            var shop = int.TryParse(principal.FindFirst(CvetyClaims.ShopId)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : (int?)null;
            var session = Guid.TryParse(principal.FindFirst(CvetyClaims.Session)?.Value, out var sid) ? sid : (Guid?)null;
            return id is null || role is null ? Actor.Anonymous with { Channel = channel } : new Actor(id, role, shop, session, channel);
        }
    }
}
