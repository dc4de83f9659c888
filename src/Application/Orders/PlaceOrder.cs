using System.Text.Json.Serialization;
using Cvety.Application.Bitrix;
using Cvety.Application.Common;
using Cvety.Application.Users;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using Cvety.Domain.Products;
using Cvety.Domain.Shops;
using FluentValidation;
using FluentValidation.Results;
using Marten;
using Wolverine;

namespace Cvety.Application.Orders;

/// <summary>
/// Staff or a customer place an order in the current shop. Field names are the legacy backend's. Line names and
/// prices come from the shop's products and the total is computed here; neither is taken from the client.
/// </summary>
public sealed record PlaceOrder(
    [property: JsonPropertyName("customerName")] string CustomerName,
    string Phone,
    string? CustomerEmail,
    IReadOnlyList<PlaceOrder.Item> Items,
    string? DeliveryType,
    string? DeliveryAddress,
    DateOnly? DeliveryDate,
    string? ScheduledTime,
    long? DeliveryCost,
    string? RecipientName,
    string? RecipientPhone,
    string? SenderPhone,
    string? PickupAddress,
    string? PaymentMethod,
    string? Notes,
    string? OrderComment,
    string? PostcardText,
    long? TelegramUserId)
{
    public sealed record Item(int ProductId, int Quantity, string? SpecialRequests);

    public static readonly string[] DeliveryTypes = ["delivery", "pickup", "express", "scheduled"];
    public static readonly string[] PaymentMethods = ["kaspi", "card", "cash"];

    public bool IsPickup => DeliveryType == "pickup";

    public sealed class Validator : AbstractValidator<PlaceOrder>
    {
        public Validator()
        {
            RuleFor(x => x.CustomerName).NotEmpty().MaximumLength(200);
            RuleFor(x => x.Phone).MustBePhone();
            RuleFor(x => x.CustomerEmail).EmailAddress().MaximumLength(200).When(x => !string.IsNullOrEmpty(x.CustomerEmail));
            RuleFor(x => x.Items).NotEmpty().Must(i => i is null || i.Count <= 50).WithMessage("An order has at most 50 lines.");
            RuleForEach(x => x.Items).NotNull().WithMessage("Each item must be an object with product_id and quantity.").ChildRules(item =>
            {
                item.RuleFor(i => i.ProductId).GreaterThan(0);
                item.RuleFor(i => i.Quantity).InclusiveBetween(1, 100);
                item.RuleFor(i => i.SpecialRequests).MaximumLength(500);
            }).When(x => x.Items is not null);
            RuleFor(x => x.DeliveryType).Must(t => t is null || DeliveryTypes.Contains(t))
                .WithMessage("'Delivery Type' must be one of " + string.Join(", ", DeliveryTypes) + ".");
            RuleFor(x => x.DeliveryAddress).NotEmpty().MaximumLength(500).When(x => !x.IsPickup);
            RuleFor(x => x.DeliveryDate).NotNull().When(x => !x.IsPickup);
            RuleFor(x => x.ScheduledTime!).MustBeTimeWindow().When(x => !string.IsNullOrEmpty(x.ScheduledTime));
            RuleFor(x => x.DeliveryCost).InclusiveBetween(0, 1_000_000_00);
            RuleFor(x => x.RecipientName).MaximumLength(200);
            RuleFor(x => x.RecipientPhone!).MustBePhone().When(x => !string.IsNullOrEmpty(x.RecipientPhone));
            RuleFor(x => x.SenderPhone!).MustBePhone().When(x => !string.IsNullOrEmpty(x.SenderPhone));
            RuleFor(x => x.PickupAddress).MaximumLength(500);
            RuleFor(x => x.PaymentMethod).Must(m => m is null || PaymentMethods.Contains(m))
                .WithMessage("'Payment Method' must be one of kaspi, card, cash.");
            RuleFor(x => x.Notes).MaximumLength(2000);
            RuleFor(x => x.OrderComment).MaximumLength(2000);
            RuleFor(x => x.PostcardText).MaximumLength(1000);
        }
    }
}

public sealed record PlacedOrder(Guid Id, string OrderNumber, string TrackingId);

public static class PlaceOrderHandler
{
    public static async Task<PlacedOrder> Handle(PlaceOrder command, IDocumentSession session, ICurrentUser currentUser, BitrixOptions bitrix, IMessageContext messaging, CancellationToken ct)
    {
        var shopId = Tenancy.ShopOf(session);
        var shop = await session.LoadAsync<Shop>(shopId, ct) ?? throw new NotFoundException("Shop", shopId);

        var lines = await PriceLinesAsync(session, command.Items, ct);

        var actor = currentUser.Actor;
        var staff = actor.IsAuthenticated;
        var channel = staff ? Sources.Admin : command.TelegramUserId is not null ? Sources.Telegram : Sources.Web;
        var origin = staff ? Origins.Of(actor) : new Origin(channel, Sources.Customer);
        // Customers pay the shop's delivery fee; staff may set the fee of an order they take by phone.
        var deliveryCost = command.IsPickup ? Money.Zero : staff && command.DeliveryCost is { } fee ? new Money(fee) : shop.DeliveryFee;

        var orderId = Guid.CreateVersion7();
        var trackingId = await OrderIdentity.NewTrackingIdAsync(session, ct);
        var number = await OrderIdentity.NextOrderNumberAsync(session, shopId, ct);
        var notes = string.Join("\n", new[] { command.Notes, command.OrderComment }.Where(n => !string.IsNullOrWhiteSpace(n)));

        var placed = OrderDecisions.Place(
            orderId, shopId, number, trackingId,
            new Customer(command.CustomerName.Trim(), PhoneNumber.Parse(command.Phone).Value, command.CustomerEmail, command.TelegramUserId),
            new Recipient(command.RecipientName?.Trim(), NormalisedOrNull(command.RecipientPhone)),
            new Delivery(command.DeliveryType ?? "delivery", command.IsPickup ? null : command.DeliveryAddress?.Trim(), command.DeliveryDate, command.ScheduledTime,
                command.PickupAddress?.Trim()),
            command.PostcardText, lines, deliveryCost, command.PaymentMethod ?? "cash", channel, new ExternalIds(),
            notes.Length == 0 ? null : notes, NormalisedOrNull(command.SenderPhone), origin);

        session.Start(placed);
        foreach (var message in BitrixOutbox.AfterPlaced(bitrix, shopId, orderId)) await messaging.PublishAsync(message);
        return new PlacedOrder(orderId, placed.OrderNumber, trackingId);
    }

    /// <summary>Each line takes the product's current name and price; a missing or disabled product is a validation failure naming the line.</summary>
    private static async Task<List<OrderLine>> PriceLinesAsync(IQuerySession session, IReadOnlyList<PlaceOrder.Item> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.ProductId).Distinct().ToArray();
        var products = (await session.LoadManyAsync<Product>(ct, ids)).ToDictionary(p => p.Id);
        var failures = new List<ValidationFailure>();
        var lines = new List<OrderLine>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!products.TryGetValue(item.ProductId, out var product) || !product.Enabled)
            {
                failures.Add(new ValidationFailure($"Items[{i}].ProductId", $"Product {item.ProductId} is not available in this shop."));
                continue;
            }
            lines.Add(new OrderLine(product.Id, product.Name, product.Price, item.Quantity, item.SpecialRequests));
        }
        if (failures.Count > 0) throw new ValidationException(failures);
        return lines;
    }

    private static string? NormalisedOrNull(string? phone) => PhoneNumber.TryParse(phone, out var p) ? p.Value : null;
}
