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
/// The customer changes recipient, address, date, time or postcard from the tracking page, until the bouquet is
/// assembled. Fields left out, null or empty, stay as they are: legacy forms send every field, blank ones as "".
/// </summary>
public sealed record EditOrderByCustomer(
    Guid OrderId,
    string? RecipientName,
    string? RecipientPhone,
    string? DeliveryAddress,
    DeliveryDateInput? DeliveryDate,
    string? ScheduledTime,
    string? PostcardText)
{
    public sealed class Validator : AbstractValidator<EditOrderByCustomer>
    {
        public Validator()
        {
            RuleFor(x => x.RecipientName).MaximumLength(200);
            RuleFor(x => x.RecipientPhone!).MustBePhone().When(x => !string.IsNullOrEmpty(x.RecipientPhone));
            RuleFor(x => x.DeliveryAddress).MaximumLength(500);
            RuleFor(x => x.ScheduledTime!).MustBeTimeWindow().When(x => !string.IsNullOrEmpty(x.ScheduledTime));
            RuleFor(x => x.PostcardText).MaximumLength(1000);
        }
    }
}

public static class EditOrderByCustomerHandler
{
    public static async Task<object[]> Handle(EditOrderByCustomer command, [WriteAggregate(Required = false)] Order? found, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var order = found.OrFail(command.OrderId);
        var (date, slot) = DeliveryDateInput.DayAndSlot(command.DeliveryDate, command.ScheduledTime, await Shops.ShopClock.OffsetAsync(session, order.ShopId, ct));
        var recipient = new Recipient(
            Given(command.RecipientName) ?? order.Recipient.Name,
            Given(command.RecipientPhone) is { } phone ? PhoneNumber.Parse(phone).Value : order.Recipient.Phone);
        var delivery = order.Delivery with
        {
            Address = order.Delivery.Type == DeliveryType.Pickup ? order.Delivery.Address : Given(command.DeliveryAddress) ?? order.Delivery.Address,
            Date = date ?? order.Delivery.Date,
            TimeSlot = slot ?? order.Delivery.TimeSlot,
        };
        var origin = Origins.Customer(currentUser.Actor);
        return OrderDecisions.EditByCustomer(order, recipient, delivery, command.PostcardText ?? order.PostcardText, origin);
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
