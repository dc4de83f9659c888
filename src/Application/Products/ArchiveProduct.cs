using Cvety.Application.Common;
using Cvety.Domain.Products;
using FluentValidation;
using Marten;
using Wolverine;

namespace Cvety.Application.Products;

/// <summary>
/// <c>DELETE /products/{id}</c>: the product is archived, not deleted. It leaves the catalog and search; past orders
/// and its history still name it.
/// </summary>
public sealed record ArchiveProduct(int Id, string? Reason)
{
    public sealed class Validator : AbstractValidator<ArchiveProduct>
    {
        public Validator() => RuleFor(x => x.Reason).MaximumLength(500);
    }
}

public static class ArchiveProductHandler
{
    // The session: a product's stream is named by its integer id (see ProductStreams).
    public static async Task Handle(ArchiveProduct command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = currentUser.RequireCatalogEditor();
        var product = await ProductStreams.LoadAsync(session, command.Id, ct);
        session.Append(product, ProductDecisions.Archive(product, command.Reason?.Trim(), origin));
    }
}
