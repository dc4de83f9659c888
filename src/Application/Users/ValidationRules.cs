using Cvety.Domain.Common;
using FluentValidation;

namespace Cvety.Application.Users;

public static class ValidationRules
{
    public static IRuleBuilderOptions<T, string> MustBePhone<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(p => PhoneNumber.TryParse(p, out _))
            .WithMessage("'{PropertyName}' must be a Kazakhstan phone number such as +77011234567.");

    public static IRuleBuilderOptions<T, string> MustBeStrongEnoughPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MinimumLength(8).MaximumLength(128);
}
