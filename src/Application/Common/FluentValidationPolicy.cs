using FluentValidation;
using JasperFx;
using JasperFx.CodeGeneration;
using Wolverine.Configuration;
using Wolverine.Runtime.Handlers;

namespace Cvety.Application.Common;

/// <summary>
/// The one place shape validation runs: every handler whose message has a FluentValidation validator gets
/// <see cref="ValidationMiddleware{T}.BeforeAsync"/> in front of it, whoever sends the message (HTTP, bus, scheduler).
/// WolverineFx.FluentValidation is not in the package registry here, so this is the small version of it.
/// </summary>
public sealed class FluentValidationPolicy(IReadOnlySet<Type> validatedMessageTypes) : IHandlerPolicy
{
    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => validatedMessageTypes.Contains(c.MessageType)))
        {
            chain.AddMiddleware(typeof(ValidationMiddleware<>).MakeGenericType(chain.MessageType), nameof(ValidationMiddleware<object>.BeforeAsync));
        }
    }
}

public static class ValidationMiddleware<T>
{
    public static async Task BeforeAsync(T message, IValidator<T> validator, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(message, cancellationToken);
        if (!result.IsValid) throw new ValidationException(result.Errors);
    }
}
