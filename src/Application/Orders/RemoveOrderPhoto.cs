using Cvety.Application.Common;
using Cvety.Domain.Orders;
using FluentValidation;
using Marten;
using Wolverine;

namespace Cvety.Application.Orders;

/// <summary>
/// Staff take a wrong photo off an order (the latest one unless <see cref="Url"/> names it): it disappears from the
/// tracking page and the order; the timeline keeps both the photo and its removal.
/// </summary>
public sealed record RemoveOrderPhoto(Guid OrderId, string? Url, string? Reason)
{
    public sealed class Validator : AbstractValidator<RemoveOrderPhoto>
    {
        public Validator()
        {
            RuleFor(x => x.Url).MaximumLength(2000);
            RuleFor(x => x.Reason).MaximumLength(500);
        }
    }
}

public static class RemoveOrderPhotoHandler
{
    // The session: the caller's order is fetched for writing in its shop.
    public static async Task<OutgoingMessages> Handle(RemoveOrderPhoto command, IDocumentSession session, ICurrentUser currentUser, Reactions reactions, CancellationToken ct)
    {
        var origin = Origins.Of(currentUser.RequireStaff());
        var stream = await OrderStreams.ForWritingAsync(session, command.OrderId, null, ct);
        var order = stream.Aggregate!;
        var url = string.IsNullOrWhiteSpace(command.Url) ? order.LatestPhotoUrl ?? throw new Domain.Common.DomainException("The order has no photo.") : command.Url.Trim();
        return session.Append(stream, origin, reactions, OrderDecisions.RemovePhoto(order, url, command.Reason?.Trim(), origin));
    }
}
