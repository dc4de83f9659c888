namespace Cvety.Application.Common;

/// <summary>The thing asked for does not exist, or belongs to another shop (which must look the same). 404.</summary>
public sealed class NotFoundException(string what, object id) : Exception($"{what} '{id}' was not found.")
{
    public string What { get; } = what;
}

/// <summary>The caller is known but may not do this. 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Credentials were wrong. 401.</summary>
public sealed class AuthenticationFailedException(string message) : Exception(message);

/// <summary>The request collides with what exists (a taken phone, a taken shop id). 409.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The shop exists but is blocked by the platform: nothing of it is on sale. 403.</summary>
public sealed class ShopUnavailableException(int shopId) : Exception($"Shop {shopId} is unavailable.");
