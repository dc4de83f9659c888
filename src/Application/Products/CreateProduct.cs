using System.Text.Json.Serialization;
using Cvety.Application.Common;
using Cvety.Domain.Products;
using FluentValidation;
using Marten;
using Wolverine;

namespace Cvety.Application.Products;

/// <summary>Staff add a product to their shop's catalog. Price is in tiyn.</summary>
public sealed record CreateProduct(
    string Name,
    long Price,
    string Type,
    string? Description = null,
    bool? Enabled = null,
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
    public sealed class Validator : AbstractValidator<CreateProduct>
    {
        public Validator() => Include(new ProductFields.Validator());
    }
}

public static class CreateProductHandler
{
    public static async Task<int> Handle(CreateProduct command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = currentUser.RequireCatalogEditor();
        var shopId = Tenancy.ShopOf(session);
        var id = await ProductStreams.NextIdAsync(session, ct);
        session.StartProduct(id, ProductDecisions.Create(id, shopId, command.ToInfo(), command.Enabled ?? true, null, [], origin));
        return id;
    }
}
