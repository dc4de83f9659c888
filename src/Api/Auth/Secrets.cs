using System.Security.Cryptography;
using System.Text;

namespace Cvety.Api.Auth;

public static class Secrets
{
    /// <summary>Constant time whatever the lengths: both sides are hashed first. Nothing configured, or nothing given, never matches.</summary>
    public static bool Match(string? given, string? configured) =>
        !string.IsNullOrEmpty(configured) && !string.IsNullOrEmpty(given)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
}
