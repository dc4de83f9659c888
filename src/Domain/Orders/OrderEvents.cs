using Cvety.Domain.Common;

namespace Cvety.Domain.Orders;

// The facts of an order's life. Each names the order first and says who and from where (Origin); the time is the
// event's own timestamp, recorded by the event store.

/// <summary>What every order event carries: the order it belongs to and who made it happen, from where.</summary>
public interface IOrderEvent
{
    Guid OrderId { get; }
    Origin By { get; }
}

public sealed record Customer(string Name, string Phone, string? Email, long? TelegramUserId);

public sealed record Recipient(string? Name, string? Phone);

/// <summary>How the bouquet reaches the recipient. Pickup orders have no address.</summary>
public sealed record Delivery(DeliveryType Type, string? Address, DateOnly? Date, string? TimeSlot, string? PickupAddress, string? CityId = null, string? TimeSlotId = null);

/// <summary>A line as sold: the product's name and price copied when the order was placed.</summary>
public sealed record OrderLine(int ProductId, string ProductName, Money ProductPrice, int Quantity, string? SpecialRequests)
{
    public Money ItemTotal => ProductPrice * Quantity;
}

/// <summary>
/// What the customer asked of the staff beyond the order itself: the day and time in their own words (the shop SPA
/// sends no date), "ask the recipient" for the address or the time, and bonus points they want to spend.
/// </summary>
public sealed record CustomerRequests(string? DeliveryNotes, bool AskRecipientForAddress, bool AskRecipientForTime, int? BonusPoints)
{
    public bool IsEmpty => DeliveryNotes is null && !AskRecipientForAddress && !AskRecipientForTime && BonusPoints is null;
}

public sealed record ExternalIds(long? BitrixOrderId = null, string? BitrixAccountNumber = null);

public sealed record OrderPlaced(
    Guid OrderId,
    int ShopId,
    string OrderNumber,
    string TrackingId,
    Customer Customer,
    Recipient Recipient,
    Delivery Delivery,
    string? PostcardText,
    IReadOnlyList<OrderLine> Lines,
    Money DeliveryCost,
    Money Total,
    PaymentMethod PaymentMethod,
    string SalesChannel,
    ExternalIds ExternalIds,
    string? Notes,
    string? SenderPhone,
    Origin By,
    CustomerRequests? Requests = null) : IOrderEvent;

public sealed record OrderPaid(Guid OrderId, Money Amount, string? PaymentReference, string? Note, Origin By) : IOrderEvent;

public sealed record OrderAccepted(Guid OrderId, string? Note, Origin By) : IOrderEvent;

public sealed record OrderAssembled(Guid OrderId, string? PhotoUrl, string? Note, Origin By) : IOrderEvent;

public sealed record OrderOutForDelivery(Guid OrderId, string? Note, Origin By) : IOrderEvent;

public sealed record OrderDelivered(Guid OrderId, string? Note, Origin By) : IOrderEvent;

public sealed record OrderCancelled(Guid OrderId, string Reason, Origin By) : IOrderEvent;

/// <summary>Money went back to the customer; <paramref name="RefundId"/> names the request it completes.</summary>
public sealed record OrderRefunded(Guid OrderId, Money Amount, string? RefundReference, string? Reason, Origin By, Guid? RefundId = null) : IOrderEvent;

public sealed record DeliveryDetailsChanged(Guid OrderId, Delivery Delivery, Origin By) : IOrderEvent;

public sealed record RecipientChanged(Guid OrderId, Recipient Recipient, Origin By) : IOrderEvent;

public sealed record PostcardChanged(Guid OrderId, string? PostcardText, Origin By) : IOrderEvent;

public sealed record ResponsibleFloristAssigned(Guid OrderId, Guid UserId, string UserName, Origin By) : IOrderEvent;

public sealed record CourierAssigned(Guid OrderId, Guid UserId, string UserName, Origin By) : IOrderEvent;

public sealed record OrderPhotoAdded(Guid OrderId, string Url, string Label, Origin By) : IOrderEvent;

public sealed record PhotoFeedbackGiven(Guid OrderId, string Feedback, string? Comment, Origin By) : IOrderEvent;

public sealed record OrderNoteAdded(Guid OrderId, string Text, Origin By) : IOrderEvent;

/// <summary>The order is known to Bitrix under this id: from our create call's answer, or from Bitrix's own webhook.</summary>
public sealed record OrderLinkedToBitrix(Guid OrderId, long BitrixOrderId, string? AccountNumber, Origin By) : IOrderEvent;

/// <summary>
/// An outside system reported a status that would move the order backwards (or out of a final state). It is kept
/// for a person to resolve and never applied.
/// </summary>
public sealed record OrderStatusConflictRecorded(Guid OrderId, OrderStatus Current, OrderStatus Reported, string? ReportedCode, Origin By) : IOrderEvent;

/// <summary>Staff corrected who ordered (name, phone, email).</summary>
public sealed record CustomerChanged(Guid OrderId, Customer Customer, Origin By) : IOrderEvent;

public sealed record PaymentMethodChanged(Guid OrderId, PaymentMethod PaymentMethod, Origin By) : IOrderEvent;

/// <summary>Staff set the delivery cost by hand, saying why; <paramref name="Total"/> is the order's new total.</summary>
public sealed record DeliveryCostChanged(Guid OrderId, Money DeliveryCost, Money Total, string? Reason, Origin By) : IOrderEvent;

/// <summary>A line added before assembly, priced from the catalog; <paramref name="Total"/> is the order's new total.</summary>
public sealed record OrderLineAdded(Guid OrderId, OrderLine Line, Money Total, Origin By) : IOrderEvent;

public sealed record OrderLineRemoved(Guid OrderId, int ProductId, string ProductName, Money Total, Origin By) : IOrderEvent;

/// <summary>A wrong photo taken off the order: the tracking page no longer shows it; the timeline keeps it.</summary>
public sealed record OrderPhotoRemoved(Guid OrderId, string Url, string? Reason, Origin By) : IOrderEvent;

/// <summary>The total fell below what was paid: the difference may be refunded, by a person, never silently.</summary>
public sealed record RefundOffered(Guid OrderId, Money Amount, Origin By) : IOrderEvent;

/// <summary>
/// The order's status as the legacy system last had it, where the legacy history does not say how it got there (it
/// wrote no history row for moves through <c>PATCH /status</c> or Kaspi's polling). Recorded by the switch-over import
/// at the legacy row's last update, so that the timeline says the state was taken over rather than invent the steps.
/// </summary>
public sealed record OrderStateTakenOver(Guid OrderId, OrderStatus Status, string Note, Origin By) : IOrderEvent;

/// <summary>
/// The person who placed the order asked to be forgotten and staff carried it out (<c>ClientDataErased</c>): the
/// order's events no longer hold their name, phones, address or words (they read <c>[удалено]</c>); the lines,
/// amounts, dates, statuses and staff actions stay as the shop's accounting record.
/// </summary>
public sealed record OrderPersonalDataErased(Guid OrderId, Guid ClientId, string? Reason, Origin By) : IOrderEvent;
