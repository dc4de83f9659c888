using Cvety.Domain.Common;
using FluentValidation;

namespace Cvety.Application.Users;

public static class ValidationRules
{
    public static IRuleBuilderOptions<T, string> MustBePhone<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(p => PhoneNumber.TryParse(p, out _))
            .WithMessage("'{PropertyName}' must be a Kazakhstan phone number such as +77011234567.");

    /// <summary>A delivery window as the legacy clients write it: <c>14:00-16:00</c>.</summary>
    public static IRuleBuilderOptions<T, string> MustBeTimeWindow<T>(this IRuleBuilder<T, string> rule) =>
        rule.Matches(@"^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$").WithMessage("'{PropertyName}' must look like 14:00-16:00.");

    /// <summary>An uploaded image, checked by its first bytes, not by what the client claims; named <c>file</c> as the multipart field is.</summary>
    public static IRuleBuilderOptions<T, byte[]> MustBeAnUploadedImage<T>(this IRuleBuilder<T, byte[]> rule, int maxBytes, string noun) =>
        rule.NotEmpty().WithName("file")
            .Must(c => c is null || c.Length <= maxBytes).WithMessage($"The {noun} is larger than {maxBytes / (1024 * 1024)} MB.")
            .Must(c => c is null || c.Length == 0 || Common.ImageFormats.ExtensionOf(c) is not null).WithMessage($"The {noun} must be a JPEG, PNG or WebP image.")
            .OverridePropertyName("file");

    public static IRuleBuilderOptions<T, string> MustBeStrongEnoughPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MinimumLength(8).MaximumLength(128);
}
