using Cvety.Domain.Users;
using Cvety.Application.Common;
using Cvety.Domain.Orders;
using Cvety.Domain.Products;
using FluentValidation;
using Marten;
using Wolverine;
using Wolverine.Marten;

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
    public static async Task<object[]> Handle(AddOrderLine command, [WriteAggregate(Required = false)] Order? order, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = Origins.Of(currentUser.Require(Permission.EditOrders, "Only managers and directors change an order's lines."));
        var found = order.OrFail(command.OrderId);
        // The order's state first: an assembled order takes no line, whatever the product.
        OrderDecisions.EnsureLinesEditable(found);
        var product = await session.LoadAsync<Product>(command.ProductId, ct);
        if (product is not { Enabled: true, Archived: false })
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("product_id", $"Product {command.ProductId} is not available in this shop.")]);
        var line = new OrderLine(product.Id, product.Name, product.Price, command.Quantity, command.SpecialRequests?.Trim());
        return OrderDecisions.AddLine(found, line, origin);
    }

    public static object[] Handle(RemoveOrderLine command, [WriteAggregate(Required = false)] Order? order, ICurrentUser currentUser)
    {
        var origin = Origins.Of(currentUser.Require(Permission.EditOrders, "Only managers and directors change an order's lines."));
        return OrderDecisions.RemoveLine(order.OrFail(command.OrderId), command.ProductId, origin);
    }
}
