using Cvety.Domain.Users;
using Cvety.Application.Common;
using Cvety.Domain.Orders;
using Cvety.Domain.Products;
using FluentValidation;
using Marten;
using Wolverine;

namespace Cvety.Application.Orders;

/// <summary>Staff add a line to an order before it is assembled, at the catalog's current price; stock follows.</summary>
public sealed record AddOrderLine(Guid OrderId, int ProductId, int Quantity, string? SpecialRequests)
{
    public sealed class Validator : AbstractValidator<AddOrderLine>
    {
        public Validator()
        {
            RuleFor(x => x.ProductId).GreaterThan(0);
            RuleFor(x => x.Quantity).InclusiveBetween(1, 1000);
            RuleFor(x => x.SpecialRequests).MaximumLength(500);
        }
    }
}

/// <summary>Staff remove a product's line from an order before it is assembled; stock follows.</summary>
public sealed record RemoveOrderLine(Guid OrderId, int ProductId);

public static class ChangeOrderLinesHandler
{
    // The session: the product is read from the shop's catalog before the decision.
    public static async Task<OutgoingMessages> Handle(AddOrderLine command, IDocumentSession session, ICurrentUser currentUser, Reactions reactions, CancellationToken ct)
    {
        var origin = Origins.Of(currentUser.Require(Permission.EditOrders, "Only managers and directors change an order's lines."));
        var stream = await OrderStreams.ForWritingAsync(session, command.OrderId, null, ct);
        // The order's state first: an assembled order takes no line, whatever the product.
        OrderDecisions.EnsureLinesEditable(stream.Aggregate!);
        var product = await session.LoadAsync<Product>(command.ProductId, ct);
        if (product is not { Enabled: true, Archived: false })
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("product_id", $"Product {command.ProductId} is not available in this shop.")]);
        var line = new OrderLine(product.Id, product.Name, product.Price, command.Quantity, command.SpecialRequests?.Trim());
        return session.Append(stream, origin, reactions, OrderDecisions.AddLine(stream.Aggregate!, line, origin));
    }

    // The session: the caller's order is fetched for writing in its shop.
    public static async Task<OutgoingMessages> Handle(RemoveOrderLine command, IDocumentSession session, ICurrentUser currentUser, Reactions reactions, CancellationToken ct)
    {
        var origin = Origins.Of(currentUser.Require(Permission.EditOrders, "Only managers and directors change an order's lines."));
        var stream = await OrderStreams.ForWritingAsync(session, command.OrderId, null, ct);
        return session.Append(stream, origin, reactions, OrderDecisions.RemoveLine(stream.Aggregate!, command.ProductId, origin));
    }
}
