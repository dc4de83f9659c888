using Cvety.Application.Common;
using Cvety.Application.Users;
using Cvety.Domain.Products;
using FluentValidation;
using Marten;
using Wolverine;

namespace Cvety.Application.Products;

/// <summary>Staff choose which of a product's photos is the main one (first in the catalog, the shop and search results).</summary>
public sealed record MakeProductImagePrimary(int ProductId, string Url)
{
    public sealed class Validator : AbstractValidator<MakeProductImagePrimary>
    {
        public Validator() => RuleFor(x => x.Url).NotEmpty().MaximumLength(2000);
    }
}

public static class MakeProductImagePrimaryHandler
{
    // The session: a product's stream is named by its integer id (see ProductStreams).
    public static async Task Handle(MakeProductImagePrimary command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = currentUser.RequireCatalogEditor();
        var product = await ProductStreams.LoadAsync(session, command.ProductId, ct);
        session.Append(product, ProductDecisions.MakePrimary(product, command.Url, origin));
    }
}
