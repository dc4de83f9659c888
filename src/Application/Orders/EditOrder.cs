using Cvety.Domain.Users;
using Cvety.Application.Common;
using Cvety.Application.Users;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using FluentValidation;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace Cvety.Application.Orders;

/// <summary>
/// Staff edit an order (<c>PUT /orders/{id}</c>): customer, recipient, delivery, postcard, payment method, delivery
/// cost. Fields left out, null or blank, stay as they are. Every changed field is an event with its new value, so
/// <c>order_history</c> shows old and new values and who changed them.
/// </summary>
public sealed record EditOrder(
    Guid OrderId,
    string? CustomerName,
    string? CustomerPhone,
    string? CustomerEmail,
    string? RecipientName,
    string? RecipientPhone,
    string? DeliveryType,
    string? DeliveryAddress,
    DeliveryDateInput? DeliveryDate,
    string? ScheduledTime,
    string? PostcardText,
    string? PaymentMethod,
    long? DeliveryCost,
    string? DeliveryCostReason,
    long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<EditOrder>
    {
        public Validator()
        {
            RuleFor(x => x.CustomerName).MaximumLength(200);
            RuleFor(x => x.CustomerPhone!).MustBePhone().When(x => !string.IsNullOrWhiteSpace(x.CustomerPhone));
            RuleFor(x => x.CustomerEmail).MaximumLength(200).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.CustomerEmail));
            RuleFor(x => x.RecipientName).MaximumLength(200);
            RuleFor(x => x.RecipientPhone!).MustBePhone().When(x => !string.IsNullOrWhiteSpace(x.RecipientPhone));
            RuleFor(x => x.DeliveryType).Must(t => t is null || PlaceOrder.DeliveryTypes.Contains(t))
                .WithMessage("'delivery_type' must be one of " + string.Join(", ", PlaceOrder.DeliveryTypes) + ".");
            RuleFor(x => x.DeliveryAddress).MaximumLength(500);
            RuleFor(x => x.ScheduledTime).MaximumLength(50);
            RuleFor(x => x.PostcardText).MaximumLength(1000);
            RuleFor(x => x.PaymentMethod).Must(m => m is null || PlaceOrder.PaymentMethods.Contains(m))
                .WithMessage("'payment_method' must be one of " + string.Join(", ", PlaceOrder.PaymentMethods) + ".");
            RuleFor(x => x.DeliveryCost).InclusiveBetween(0, 1_000_000_00);
            RuleFor(x => x.DeliveryCostReason).MaximumLength(500);
        }
    }
}

public static class EditOrderHandler
{
    // Wolverine fetches the order and appends what is returned; the session reads the shop's clock.
    public static async Task<object[]> Handle(EditOrder command, [WriteAggregate(Required = false)] Order? found,
        IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = Origins.Of(currentUser.Require(Permission.EditOrders, "Only managers and directors change an order after it was placed."));
        var order = found.OrFail(command.OrderId, command.ExpectedVersion);
        var offset = await Shops.ShopClock.OffsetAsync(session, order.ShopId, ct);
        // The admin SPA's edit form sends back the delivery_date it was shown; unchanged, it must not turn "14:00-16:00" into "14:00".
        var given = command.DeliveryDate is { } input && input.IsUnchanged(order.Delivery.Date, order.Delivery.TimeSlot, offset) ? null : command.DeliveryDate;
        var (date, slot) = DeliveryDateInput.DayAndSlot(given, command.ScheduledTime, offset);
        var customer = order.Customer with
        {
            Name = Given(command.CustomerName) ?? order.Customer.Name,
            Phone = Given(command.CustomerPhone) is { } phone ? PhoneNumber.Parse(phone).Value : order.Customer.Phone,
            Email = command.CustomerEmail is null ? order.Customer.Email : Given(command.CustomerEmail),
        };
        var recipient = new Recipient(Given(command.RecipientName) ?? order.Recipient.Name,
            Given(command.RecipientPhone) is { } recipientPhone ? PhoneNumber.Parse(recipientPhone).Value : order.Recipient.Phone);
        var delivery = order.Delivery with
        {
            Type = Vocabulary.Parse(command.DeliveryType, order.Delivery.Type),
            Address = Given(command.DeliveryAddress) ?? order.Delivery.Address,
            Date = date ?? order.Delivery.Date,
            TimeSlot = slot ?? order.Delivery.TimeSlot,
        };
        var events = OrderDecisions.EditByStaff(order, customer, recipient, delivery, command.PostcardText ?? order.PostcardText,
            PaymentMethod.Choose(command.PaymentMethod, order.PaymentMethod), command.DeliveryCost is { } cost ? new Money(cost) : null, Given(command.DeliveryCostReason), origin);
        return events;
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
