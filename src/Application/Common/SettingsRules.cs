using System.ComponentModel.DataAnnotations;

namespace Cvety.Application.Common;

/// <summary>An absolute http or https URL, when given.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is null || value is string { Length: 0 } ||
        value is string s && Uri.TryCreate(s, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;

    public override string FormatErrorMessage(string name) => $"must be an absolute http(s) URL.";
}

/// <summary>Every delay in the list is positive.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PositiveDelaysAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        TimeSpan t => t > TimeSpan.Zero,
        IEnumerable<TimeSpan> all => all.All(t => t > TimeSpan.Zero),
        _ => true,
    };

    public override string FormatErrorMessage(string name) => "must be positive (hh:mm:ss).";
}
