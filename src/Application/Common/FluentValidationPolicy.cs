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

    /// <summary>Finds every concrete <c>IValidator&lt;T&gt;</c> in the assembly, keyed by the validated type.</summary>
    public static IReadOnlyDictionary<Type, Type> ValidatorsIn(System.Reflection.Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
                .Select(i => (Message: i.GetGenericArguments()[0], Validator: t)))
            .ToDictionary(x => x.Message, x => x.Validator);
}

public static class ValidationMiddleware<T>
{
    public static async Task BeforeAsync(T message, IValidator<T> validator, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(message, cancellationToken);
        if (!result.IsValid) throw new ValidationException(result.Errors);
    }
}
