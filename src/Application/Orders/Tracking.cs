using Cvety.Application.Common;
using FluentValidation;
using Marten;

namespace Cvety.Application.Orders;

/// <summary>Which shop and order a public tracking id leads to. Asked without a shop: the lookup is the only cross-shop document.</summary>
public sealed record ResolveTracking(string TrackingId)
{
    public sealed class Validator : AbstractValidator<ResolveTracking>
    {
        public Validator() => RuleFor(x => x.TrackingId).Matches("^[0-9]{9}$").WithMessage("A tracking id is 9 digits.");
    }
}

public static class ResolveTrackingHandler
{
    public static async Task<TrackingLookup> Handle(ResolveTracking query, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<TrackingLookup>(query.TrackingId, ct) ?? throw new NotFoundException("Order", query.TrackingId);
}
