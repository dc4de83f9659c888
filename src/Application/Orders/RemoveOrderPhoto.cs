using Cvety.Application.Common;
using Cvety.Domain.Orders;
using FluentValidation;
using Marten;
using Wolverine;
using Wolverine.Marten;

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
    public static object[] Handle(RemoveOrderPhoto command, [WriteAggregate(Required = false)] Order? order, ICurrentUser currentUser)
    {
        var origin = Origins.Of(currentUser.RequireStaff());
        var found = order.OrFail(command.OrderId);
        var url = string.IsNullOrWhiteSpace(command.Url) ? found.LatestPhotoUrl ?? throw new Domain.Common.DomainException("The order has no photo.") : command.Url.Trim();
        return OrderDecisions.RemovePhoto(found, url, command.Reason?.Trim(), origin);
    }
}
