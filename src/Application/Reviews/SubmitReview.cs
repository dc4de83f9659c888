using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using Cvety.Domain.Products;
using Cvety.Domain.Reviews;
using FluentValidation;
using Marten;

namespace Cvety.Application.Reviews;

/// <summary>
/// A customer reviews the shop (<see cref="ProductId"/> null) or a product, without an account. With a tracking id the
/// review is about that order: it must be delivered, and an order is reviewed once (per product, for product reviews).
/// </summary>
public sealed record SubmitReview(int? ProductId, int Rating, string? Text, string? AuthorName, string? TrackingId)
{
    public sealed class Validator : AbstractValidator<SubmitReview>
    {
        public Validator()
        {
            RuleFor(x => x.Rating).InclusiveBetween(1, 5);
            RuleFor(x => x.Text).MaximumLength(ReviewRules.MaxText);
            RuleFor(x => x.AuthorName).NotEmpty().MaximumLength(100);
            RuleFor(x => x.TrackingId).MaximumLength(32);
        }
    }
}

public static class SubmitReviewHandler
{
    // The session: the order a tracking id names is read, and earlier reviews of it, before the review's stream starts.
    public static async Task<Guid> Handle(SubmitReview command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var shopId = Tenancy.ShopOf(session);
        if (command.ProductId is { } productId && await session.LoadAsync<Product>(productId, ct) is not { Enabled: true })
            throw new NotFoundException("Product", productId);

        Guid? orderId = null;
        if (!string.IsNullOrWhiteSpace(command.TrackingId))
        {
            var lookup = await session.LoadAsync<TrackingLookup>(command.TrackingId.Trim(), ct);
            if (lookup is null || lookup.ShopId != shopId) throw new NotFoundException("Order", command.TrackingId);
            var order = await session.LoadAsync<OrderDetails>(lookup.OrderId, ct) ?? throw new NotFoundException("Order", command.TrackingId);
            if (order.Status != OrderStatus.Delivered.Name()) throw new ConflictException("Only a delivered order can be reviewed.");
            if (await session.Query<Review>().AnyAsync(r => r.OrderId == order.Id && r.ProductId == command.ProductId, ct))
                throw new ConflictException("This order has been reviewed already.");
            orderId = order.Id;
        }

        var by = Origins.Customer(currentUser.Actor);
        var id = Guid.CreateVersion7();
        session.Events.StartStream<Review>(id, new ReviewSubmitted(id, shopId, command.ProductId, command.Rating,
            string.IsNullOrWhiteSpace(command.Text) ? null : command.Text.Trim(), command.AuthorName!.Trim(), orderId, by));
        return id;
    }
}
