using Cvety.Application.Common;
using Cvety.Domain.Orders;
using FluentValidation;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace Cvety.Application.Orders;

/// <summary>Any member of staff writes a note on an order; it joins the order's history.</summary>
public sealed record AddOrderNote(Guid OrderId, string Text, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<AddOrderNote>
    {
        public Validator() => RuleFor(x => x.Text).NotEmpty().MaximumLength(2000);
    }
}

public static class AddOrderNoteHandler
{
    public static object[] Handle(AddOrderNote command, [WriteAggregate(Required = false)] Order? order, ICurrentUser currentUser)
    {
        var origin = Origins.Of(currentUser.RequireStaff());
        order.OrFail(command.OrderId, command.ExpectedVersion);
        return [new OrderNoteAdded(command.OrderId, command.Text.Trim(), origin)];
    }
}
