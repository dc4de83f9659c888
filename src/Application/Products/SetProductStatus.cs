using System.Text.Json.Serialization;
using Cvety.Application.Common;
using Cvety.Domain.Products;
using FluentValidation;
using Marten;
using Wolverine;

namespace Cvety.Application.Products;

/// <summary>Enable or disable a product (<c>PATCH /{id}/status</c>).</summary>
public sealed record SetProductStatus(bool Enabled, string? Reason = null)
{
    [JsonIgnore]
    public int Id { get; init; }

    public sealed class Validator : AbstractValidator<SetProductStatus>
    {
        public Validator() => RuleFor(x => x.Reason).MaximumLength(500);
    }
}

public static class SetProductStatusHandler
{
    public static async Task Handle(SetProductStatus command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = currentUser.RequireCatalogEditor();
        var product = await ProductStreams.LoadAsync(session, command.Id, ct);
        session.Append(product, ProductDecisions.SetAvailability(product, command.Enabled, command.Reason, origin));
    }
}
