using Cvety.Application.Common;
using Cvety.Domain.Common;
using Cvety.Domain.Products;
using Cvety.Domain.Users;
using FluentValidation;
using Marten;

namespace Cvety.Application.Products;

/// <summary>Staff add a product to their shop's catalog. Price is in tiyn.</summary>
public sealed record CreateProduct(string Name, long Price, string Type, string? Description, bool? Enabled)
{
    public sealed class Validator : AbstractValidator<CreateProduct>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
            RuleFor(x => x.Price).GreaterThan(0).LessThanOrEqualTo(100_000_000_00);
            RuleFor(x => x.Type).Must(t => ProductTypes.All.Contains(t)).WithMessage("'Type' must be one of " + string.Join(", ", ProductTypes.All) + ".");
            RuleFor(x => x.Description).MaximumLength(5000);
        }
    }
}

public static class CreateProductHandler
{
    public static readonly UserRole[] CatalogEditors = [UserRole.Manager, UserRole.Director, UserRole.Superadmin];

    public static Product Handle(CreateProduct command, IDocumentSession session, ICurrentUser currentUser, TimeProvider clock)
    {
        if (currentUser.Actor.Role is not { } role || !CatalogEditors.Contains(role))
            throw new ForbiddenException("Only managers and directors edit the catalog.");

        var now = clock.GetUtcNow();
        var product = new Product
        {
            Name = command.Name.Trim(),
            Price = new Money(command.Price),
            Type = command.Type,
            Description = command.Description?.Trim(),
            Enabled = command.Enabled ?? true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        session.Insert(product);
        return product;
    }
}
