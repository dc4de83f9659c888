using System.Security.Claims;
using Cvety.Application.Users;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cvety.Api.Auth;

public static class CvetyClaims
{
    public const string Subject = "sub";
    public const string Phone = "phone";
    public const string Role = "role";
    public const string ShopId = "shop_id";

    /// <summary>The session this token stands for (signing out revokes it).</summary>
    public const string Session = "sid";

    /// <summary>The account's security stamp when the token was issued; a newer stamp makes it worthless.</summary>
    public const string Stamp = "stamp";
}

/// <summary>HS256 tokens with the claims the legacy clients read: sub, phone, role (upper-case), shop_id, exp.</summary>
public sealed class TokenIssuer(JwtSettings settings, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public string Issue(UserView user)
    {
        var claims = new Dictionary<string, object>
        {
            [CvetyClaims.Subject] = user.Id.ToString(),
            [CvetyClaims.Phone] = user.Phone,
            [CvetyClaims.Role] = user.Role,
            [CvetyClaims.Session] = Guid.NewGuid().ToString(),
            [CvetyClaims.Stamp] = user.SecurityStamp,
        };
        if (user.ShopId is { } shop) claims[CvetyClaims.ShopId] = shop;

        var now = clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(settings.LifetimeMinutes),
            SigningCredentials = new SigningCredentials(settings.Key, SecurityAlgorithms.HmacSha256),
        });
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = settings.Issuer,
        ValidAudience = settings.Audience,
        IssuerSigningKey = settings.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = CvetyClaims.Subject,
        RoleClaimType = CvetyClaims.Role,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
