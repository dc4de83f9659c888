using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;

namespace Cvety.Application.Orders;

public sealed record OrderItemView(int ProductId, string ProductName, Money ProductPrice, int Quantity, Money ItemTotal, string? SpecialRequests);

public sealed record OrderPhotoView(string Url, string Label, DateTimeOffset AddedAt, string? Feedback = null, string? Comment = null);

public sealed record OrderNoteView(string Text, string ChangedBy, string Actor, DateTimeOffset At);

public sealed record RefundView(Guid Id, Money Amount, string Reason, string Status, string? Reference, string? Error, DateTimeOffset RequestedAt);

public sealed record StatusConflictView(string Current, string Reported, string? ReportedCode, string Source, DateTimeOffset At);

/// <summary>The order as staff see it: the board and the detail page read this, kept in step with every event.</summary>
public sealed class OrderDetails
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public int ShopId { get; set; }
    public string OrderNumber { get; set; } = "";
    public string TrackingId { get; set; } = "";
    public string Status { get; set; } = "new";
    public string CustomerName { get; set; } = "";
    public string CustomerPhone { get; set; } = "";
    public string? CustomerEmail { get; set; }
    public long? TelegramUserId { get; set; }
    public string? SenderPhone { get; set; }
    public string? RecipientName { get; set; }
    public string? RecipientPhone { get; set; }
    public DeliveryType DeliveryType { get; set; } = DeliveryType.Delivery;
    public string? DeliveryAddress { get; set; }
    public DateOnly? DeliveryDate { get; set; }
    public string? ScheduledTime { get; set; }
    public string? PickupAddress { get; set; }
    public string? CityId { get; set; }
    public string? TimeSlotId { get; set; }
    public string? PostcardText { get; set; }

    /// <summary>The customer's own words for the day and time (the shop SPA sends no date); staff agree the date from them.</summary>
    public string? DeliveryNotes { get; set; }

    /// <summary>No delivery date yet: staff must agree it with the customer or the recipient.</summary>
    public bool DateToBeAgreed => DeliveryDate is null && DeliveryType != DeliveryType.Pickup;

    /// <summary>Staff must ask the recipient for the address, or the time.</summary>
    public bool AskDeliveryAddress { get; set; }
    public bool AskDeliveryTime { get; set; }

    /// <summary>Bonus points the customer asked to spend; a person decides.</summary>
    public int? BonusPoints { get; set; }

    /// <summary>The delivery window read from <see cref="ScheduledTime"/> when it holds times ("14:00-16:00"), in the shop's time.</summary>
    public TimeOnly? DeliveryFrom => DeliveryWindow.Parse(ScheduledTime).From;
    public TimeOnly? DeliveryTo => DeliveryWindow.Parse(ScheduledTime).To;

    public List<OrderItemView> Items { get; set; } = [];
    public Money Subtotal { get; set; }
    public Money DeliveryCost { get; set; }
    public Money Total { get; set; }
    public PaymentMethod PaymentMethod { get; set; } = PaymentMethod.Cash;
    public bool IsPaid { get; set; }
    public Money PaidAmount { get; set; }
    public Money RefundedAmount { get; set; }
    public Money RefundPendingAmount { get; set; }

    /// <summary>The latest Kaspi payment (remote payment or link) and its status, as the legacy field <c>kaspi_payment_status</c>.</summary>
    public string? KaspiPaymentId { get; set; }
    public string? KaspiPaymentStatus { get; set; }

    /// <summary>When the latest Kaspi payment was asked for, and when Kaspi reported it paid.</summary>
    public DateTimeOffset? KaspiPaymentCreatedAt { get; set; }
    public DateTimeOffset? KaspiPaymentCompletedAt { get; set; }
    public string? PaymentLink { get; set; }
    public DateTimeOffset? PaymentLinkExpiresAt { get; set; }
    public List<RefundView> Refunds { get; set; } = [];
    public string SalesChannel { get; set; } = "";
    public string Source { get; set; } = "";
    public long? BitrixOrderId { get; set; }
    public string? BitrixAccountNumber { get; set; }
    public string? Notes { get; set; }
    public Guid? ResponsibleId { get; set; }
    public string? ResponsibleName { get; set; }
    public Guid? CourierId { get; set; }
    public string? CourierName { get; set; }
    public string? CancelReason { get; set; }

    /// <summary>When the customer's personal data was erased from this order (<see cref="OrderPersonalDataErased"/>).</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; set; }
    public List<OrderPhotoView> Photos { get; set; } = [];
    public List<OrderNoteView> StaffNotes { get; set; } = [];
    public List<StatusConflictView> StatusConflicts { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The shop's name, filled by the platform's cross-shop list; not stored.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? ShopName { get; set; }
}
