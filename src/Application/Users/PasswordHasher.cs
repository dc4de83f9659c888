using System.Security.Cryptography;

namespace Cvety.Application.Users;

/// <summary>
/// PBKDF2-HMAC-SHA256 with a random 16-byte salt, parameters stored in the hash so they can be raised later
/// without breaking stored passwords: <c>pbkdf2-sha256$iterations$salt$hash</c> (base64).
/// 600 000 iterations is OWASP's 2023 recommendation for this algorithm.
/// </summary>
public static class PasswordHasher
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 600_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>A hash of the legacy system (passlib bcrypt, <c>$2b$12$...</c>): verified as it is, replaced at the first sign-in.</summary>
    public static bool IsLegacy(string stored) => stored.StartsWith("$2a$", StringComparison.Ordinal) || stored.StartsWith("$2b$", StringComparison.Ordinal)
        || stored.StartsWith("$2y$", StringComparison.Ordinal);

    public static bool Verify(string password, string stored)
    {
        if (IsLegacy(stored))
        {
            try
            {
                return BCrypt.Net.BCrypt.Verify(password, stored);
            }
            catch (BCrypt.Net.SaltParseException)
            {
                return false;
            }
        }
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out var iterations)) return false;
        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>A hash of a random password, verified against when the phone is unknown so that timing does not reveal which phones exist.</summary>
    public static readonly string Decoy = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));
}
