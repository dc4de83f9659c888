using System.Text.Json.Serialization;
using Cvety.Application.Common;
using Cvety.Domain.Products;
using FluentValidation;
using Marten;
using Wolverine;

namespace Cvety.Application.Products;

/// <summary>
/// Staff change some of a product's fields (the legacy partial PUT: the admin SPA sends <c>{price, description}</c>
/// alone, or <c>{enabled}</c> alone). An absent or null field keeps its value (an empty description clears it); what
/// results is checked by the same rules as a new product, and only what differs is recorded, in one append.
/// </summary>
public sealed record UpdateProduct(
    string? Name = null,
    long? Price = null,
    string? Type = null,
    string? Description = null,
    [property: JsonPropertyName("manufacturingTime")] int? ManufacturingTime = null,
    int? Width = null,
    int? Height = null,
    [property: JsonPropertyName("shelfLife")] int? ShelfLife = null,
    bool? IsFeatured = null,
    IReadOnlyList<string>? Colors = null,
    IReadOnlyList<string>? Occasions = null,
    IReadOnlyList<string>? Cities = null,
    IReadOnlyList<string>? Tags = null,
    bool? Enabled = null,
    string? Reason = null)
{
    [JsonIgnore]
    public int Id { get; init; }

    /// <summary>The product's fields with the given ones laid over them.</summary>
    public Merged Over(ProductInfo current) => new(
        Name ?? current.Name, Price ?? current.Price.Tiyn, Type ?? current.Type, Description ?? current.Description,
        ManufacturingTime ?? current.ManufacturingTime, Width ?? current.Width, Height ?? current.Height, ShelfLife ?? current.ShelfLife,
        IsFeatured ?? current.IsFeatured, Colors ?? current.Colors, Occasions ?? current.Occasions, Cities ?? current.Cities, Tags ?? current.Tags);

    public sealed record Merged(
        string Name, long Price, string Type, string? Description, int? ManufacturingTime, int? Width, int? Height, int? ShelfLife,
        bool? IsFeatured, IReadOnlyList<string>? Colors, IReadOnlyList<string>? Occasions, IReadOnlyList<string>? Cities,
        IReadOnlyList<string>? Tags) : IProductFields;

    // The fields are checked once merged (in the handler): which ones must be there depends on the product, and a
    // product that does not exist is a 404 whatever the body says.
    public sealed class Validator : AbstractValidator<UpdateProduct>
    {
        public Validator() => RuleFor(x => x.Reason).MaximumLength(500);
    }
}

public static class UpdateProductHandler
{
    private static readonly ProductFields.Validator Fields = new();

    public static async Task Handle(UpdateProduct command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = currentUser.RequireCatalogEditor();
        var product = await ProductStreams.LoadAsync(session, command.Id, ct);
        var merged = command.Over(product.Info);
        await Fields.ValidateAndThrowAsync(merged, ct);
        session.Append(product, ProductDecisions.Change(product, merged.ToInfo(), command.Enabled, command.Reason, origin));
    }
}
