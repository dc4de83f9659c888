using Cvety.Domain.Common;
using Cvety.Domain.Products;
using FluentValidation;

namespace Cvety.Application.Products;

/// <summary>The editable fields of a product, as staff send them (legacy names; price in tiyn).</summary>
public interface IProductFields
{
    string Name { get; }
    long Price { get; }
    string Type { get; }
    string? Description { get; }
    int? ManufacturingTime { get; }
    int? Width { get; }
    int? Height { get; }
    int? ShelfLife { get; }
    bool? IsFeatured { get; }
    IReadOnlyList<string>? Colors { get; }
    IReadOnlyList<string>? Occasions { get; }
    IReadOnlyList<string>? Cities { get; }
    IReadOnlyList<string>? Tags { get; }
}

public static class ProductFields
{
    public static ProductInfo ToInfo(this IProductFields f) => new(
        f.Name, new Money(f.Price), f.Type, f.Description, f.ManufacturingTime, f.Width, f.Height, f.ShelfLife, f.IsFeatured ?? false,
        f.Colors ?? [], f.Occasions ?? [], f.Cities ?? [], f.Tags ?? []);

    /// <summary>Shape rules shared by create and update.</summary>
    public sealed class Validator : AbstractValidator<IProductFields>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
            RuleFor(x => x.Price).GreaterThan(0).LessThanOrEqualTo(100_000_000_00);
            RuleFor(x => x.Type).Must(t => ProductTypes.All.Contains(t)).WithMessage("'Type' must be one of " + string.Join(", ", ProductTypes.All) + ".");
            RuleFor(x => x.Description).MaximumLength(5000);
            RuleFor(x => x.ManufacturingTime).InclusiveBetween(0, 10_000);
            RuleFor(x => x.Width).InclusiveBetween(0, 1000);
            RuleFor(x => x.Height).InclusiveBetween(0, 1000);
            RuleFor(x => x.ShelfLife).InclusiveBetween(0, 1000);
            foreach (var list in new (string Name, Func<IProductFields, IReadOnlyList<string>?> Get)[]
                     { ("Colors", x => x.Colors), ("Occasions", x => x.Occasions), ("Cities", x => x.Cities), ("Tags", x => x.Tags) })
            {
                RuleFor(x => list.Get(x)).Must(v => v is null || (v.Count <= 30 && v.All(s => s is not null && s.Length <= 100)))
                    .WithName(list.Name).WithMessage($"'{list.Name}' holds at most 30 texts of at most 100 characters.");
            }
        }
    }
}
