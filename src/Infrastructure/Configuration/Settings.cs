using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cvety.Infrastructure.Configuration;

/// <summary>
/// Binds a settings class from its configuration section and checks it before anything starts: a value that cannot
/// be converted, or one its class's rules refuse (data annotations and <see cref="IValidatableObject"/>), stops the
/// start with <see cref="InvalidSettingsException"/> naming the full key. Settings are read once, at start, and
/// registered as singletons; some decide what gets registered (Bitrix outbound on or off), so they are bound eagerly,
/// which gives the effect of <c>ValidateOnStart</c> without a second, lazily bound copy.
/// </summary>
public static class Settings
{
    public static T Bind<T>(IConfiguration configuration, string section) where T : class, new()
    {
        T value;
        try
        {
            value = configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            // The binder names the key and the type: "Failed to convert configuration value '...' at 'Cvety:Bitrix:TimeoutSeconds' to type 'System.Int32'."
            throw new InvalidSettingsException(e.Message, e);
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            var problems = results.Select(r => $"{section}:{string.Join(",", r.MemberNames.DefaultIfEmpty("?"))}: {r.ErrorMessage}");
            throw new InvalidSettingsException("Invalid configuration. " + string.Join(" ", problems));
        }
        return value;
    }

    /// <summary>Binds, checks and registers the settings as a singleton.</summary>
    public static T AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section) where T : class, new()
    {
        var value = Bind<T>(configuration, section);
        services.AddSingleton(value);
        return value;
    }
}

/// <summary>A configuration value is missing or wrong; the message names the key and what is expected.</summary>
public sealed class InvalidSettingsException(string message, Exception? inner = null) : Exception(message, inner);

