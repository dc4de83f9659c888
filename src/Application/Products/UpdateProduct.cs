using System.Text.Json.Serialization;
using Cvety.Application.Common;
using Cvety.Domain.Products;
using FluentValidation;
using Marten;
using Wolverine;

namespace Cvety.Application.Products;

/// <summary>Staff replace a product's editable fields (PUT). Only what differs is recorded; nothing differing records nothing.</summary>
public sealed record UpdateProduct(
    string Name,
    long Price,
    string Type,
    string? Description = null,
    [property: JsonPropertyName("manufacturingTime")] int? ManufacturingTime = null,
    int? Width = null,
    int? Height = null,
    [property: JsonPropertyName("shelfLife")] int? ShelfLife = null,
    bool? IsFeatured = null,
    IReadOnlyList<string>? Colors = null,
    IReadOnlyList<string>? Occasions = null,
    IReadOnlyList<string>? Cities = null,
    IReadOnlyList<string>? Tags = null) : IProductFields
{
    [JsonIgnore]
    public int Id { get; init; }

    public sealed class Validator : AbstractValidator<UpdateProduct>
    {
        public Validator() => Include(new ProductFields.Validator());
    }
}

public static class UpdateProductHandler
{
    public static async Task<OutgoingMessages> Handle(UpdateProduct command, IDocumentSession session, ICurrentUser currentUser, Reactions reactions, CancellationToken ct)
    {
        var origin = currentUser.RequireCatalogEditor();
        var product = await ProductStreams.LoadAsync(session, command.Id, ct);
        return session.Append(product, origin, reactions, ProductDecisions.Update(product, command.ToInfo(), origin));
    }
}
