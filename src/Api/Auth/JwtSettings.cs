using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Cvety.Api.Auth;

public sealed class JwtSettings
{
    public string Issuer { get; set; } = "cvety";
    public string Audience { get; set; } = "cvety";
    [System.ComponentModel.DataAnnotations.Range(1, 60 * 24 * 30)]
    public int LifetimeMinutes { get; set; } = 720;

    /// <summary>At least 32 bytes, as text or base64. Required outside Development.</summary>
    public string? SigningKey { get; set; }

    public SymmetricSecurityKey Key { get; private set; } = null!;

    /// <summary>
    /// The signing key comes from configuration. In Development only, when none is configured, one is generated
    /// once per machine and kept in the user's local data folder, so tokens survive restarts and no key is ever
    /// a constant in the code. Anywhere else a missing key stops the start.
    /// </summary>
    public static JwtSettings Load(IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        var settings = Cvety.Infrastructure.Configuration.Settings.Bind<JwtSettings>(configuration, "Cvety:Jwt");
        var key = settings.SigningKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException("Cvety:Jwt:SigningKey is not configured. Set it (at least 32 bytes, e.g. `openssl rand -base64 48`) through the environment variable Cvety__Jwt__SigningKey or a secret store.");
            key = DevelopmentKey(logger);
        }

        var bytes = TryBase64(key) ?? Encoding.UTF8.GetBytes(key);
        if (bytes.Length < 32) throw new InvalidOperationException("Cvety:Jwt:SigningKey must be at least 32 bytes.");
        settings.Key = new SymmetricSecurityKey(bytes);
        return settings;
    }

    private static byte[]? TryBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written >= 32 ? buffer[..written] : null;
    }

    private static string DevelopmentKey(ILogger logger)
    {
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "cvety");
        var file = Path.Combine(folder, "jwt-signing-key");
        if (File.Exists(file)) return File.ReadAllText(file).Trim();

        Directory.CreateDirectory(folder);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        File.WriteAllText(file, key);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        logger.LogWarning("Generated a Development JWT signing key in {File}; configure Cvety:Jwt:SigningKey anywhere else", file);
        return key;
    }
}
