using Cvety.Domain.Users;
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
/// Staff or a customer place an order in the current shop. Field names are the legacy backend's, and the request is
/// taken as each legacy client sends it (see <c>legacy-clients.md</c>): <c>delivery_date</c> in any of its three forms
/// or not at all (the shop SPA writes the day and time in <c>delivery_notes</c>; the order is then "date to be
/// agreed"), <c>scheduled_time</c> as free text, <c>telegram_user_id</c> as a number or a string of digits. Line names
/// and prices come from the shop's products and the total is computed here: a client's <c>total_price</c> is ignored.
/// </summary>
public sealed record PlaceOrder(
    [property: JsonPropertyName("customerName")] string CustomerName,
    string Phone,
    string? CustomerEmail,
    IReadOnlyList<PlaceOrder.Item> Items,
    string? DeliveryType,
    string? DeliveryAddress,
    DeliveryDateInput? DeliveryDate,
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
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] long? TelegramUserId,
    string? DeliveryNotes = null,
    bool? AskDeliveryAddress = null,
    bool? AskDeliveryTime = null,
    int? BonusPoints = null,
    bool? CheckAvailability = null,
    string? DeliveryZone = null,
    string? DeliveryCostReason = null)
{
    public sealed record Item(int ProductId, int Quantity, string? SpecialRequests);

    public static readonly IReadOnlyList<string> DeliveryTypes = Vocabulary.Words<Domain.Orders.DeliveryType>();
    public static readonly IReadOnlyList<string> PaymentMethods = Domain.Orders.PaymentMethod.Chosen.Select(m => m.Word).ToList();

    public bool IsPickup => DeliveryType == Domain.Orders.DeliveryType.Pickup.Word();

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
            // "Ask the recipient" leaves the address to the staff.
            RuleFor(x => x.DeliveryAddress).NotEmpty().When(x => !x.IsPickup && x.AskDeliveryAddress != true);
            RuleFor(x => x.DeliveryAddress).MaximumLength(500);
            RuleFor(x => x.ScheduledTime).MaximumLength(100);
            RuleFor(x => x.DeliveryNotes).MaximumLength(1000);
            RuleFor(x => x.BonusPoints).GreaterThanOrEqualTo(0);
            RuleFor(x => x.TelegramUserId).GreaterThan(0);
            RuleFor(x => x.DeliveryCost).InclusiveBetween(0, 1_000_000_00);
            RuleFor(x => x.DeliveryZone).MaximumLength(100);
            RuleFor(x => x.DeliveryCostReason).MaximumLength(500);
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
    public static async Task<PlacedOrder> Handle(PlaceOrder command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var shopId = Tenancy.ShopOf(session);
        var shop = await Shops.ShopWithSettings.LoadAsync(session, shopId, ct);
        if (shop.Shop.IsBlocked) throw new ShopUnavailableException(shopId);
        if (command.IsPickup ? !shop.Delivery.PickupAvailable : !shop.Delivery.DeliveryAvailable)
            throw new DomainException(command.IsPickup ? "This shop does not offer pickup." : "This shop does not deliver; choose pickup.");

        var lines = await PriceLinesAsync(session, command.Items, ct);

        var actor = currentUser.Actor;
        var staff = actor.IsAuthenticated;
        if (staff && !actor.May(Permission.PlaceOrders)) throw new ForbiddenException("Only managers and directors take orders.");
        var channel = actor.Channel ?? (staff ? Sources.Admin : command.TelegramUserId is not null ? Sources.Telegram : Sources.Web);
        var origin = staff ? Origins.Of(actor) : Origins.Customer(actor, channel);
        // Delivery costs what the shop's zones say for this basket (free from a zone's threshold). Staff may set it for an
        // order they take by phone; the order then records that it was set by hand, by whom, and why when they say.
        var deliveryType = Vocabulary.Parse(command.DeliveryType, DeliveryType.Delivery);
        var subtotal = lines.Aggregate(Money.Zero, (sum, line) => sum + line.ItemTotal);
        var priced = command.IsPickup ? Money.Zero : shop.Delivery.CostFor(subtotal, command.DeliveryZone, deliveryType == DeliveryType.Express);
        var overridden = !command.IsPickup && staff && command.DeliveryCost is { } fee && fee != priced.Tiyn;
        var deliveryCost = overridden ? new Money(command.DeliveryCost!.Value) : priced;
        var costNote = overridden ? $"Доставка {deliveryCost.ToTenge():0.##} ₸ вместо {priced.ToTenge():0.##} ₸ по тарифу" + (string.IsNullOrWhiteSpace(command.DeliveryCostReason) ? "" : ": " + command.DeliveryCostReason.Trim()) : null;

        var orderId = Guid.CreateVersion7();
        var trackingId = await OrderIdentity.NewTrackingIdAsync(session, ct);
        var number = await OrderIdentity.NextOrderNumberAsync(session, shopId, ct);
        var notes = string.Join("\n", new[] { command.Notes, command.OrderComment, costNote }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var (date, slot) = DeliveryDateInput.DayAndSlot(command.DeliveryDate, command.ScheduledTime, shop.Hours.UtcOffset);
        var requests = new CustomerRequests(string.IsNullOrWhiteSpace(command.DeliveryNotes) ? null : command.DeliveryNotes.Trim(),
            command.AskDeliveryAddress ?? false, command.AskDeliveryTime ?? false, command.BonusPoints is > 0 ? command.BonusPoints : null);

        var placed = OrderDecisions.Place(
            orderId, shopId, number, trackingId,
            new Customer(command.CustomerName.Trim(), PhoneNumber.Parse(command.Phone).Value, command.CustomerEmail, command.TelegramUserId),
            new Recipient(command.RecipientName?.Trim(), NormalisedOrNull(command.RecipientPhone)),
            new Delivery(deliveryType, command.IsPickup || string.IsNullOrWhiteSpace(command.DeliveryAddress) ? null : command.DeliveryAddress.Trim(),
                date, slot, command.PickupAddress?.Trim()),
            command.PostcardText, lines, deliveryCost, PaymentMethod.Choose(command.PaymentMethod, PaymentMethod.Cash), channel, new ExternalIds(),
            notes.Length == 0 ? null : notes, NormalisedOrNull(command.SenderPhone), origin, requests);

        session.Start(placed);
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
