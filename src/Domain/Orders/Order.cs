using Cvety.Domain.Common;

namespace Cvety.Domain.Orders;

/// <summary>
/// The write model of an order: only what decisions need. Everything people look at is a projection.
/// </summary>
public sealed class Order
{
    public Guid Id { get; set; }

    /// <summary>The stream version this state is at (set by Marten as it folds the events): what If-Match names.</summary>
    public long Version { get; set; }

    public int ShopId { get; set; }
    public OrderStatus Status { get; set; }
    public Money Total { get; set; }
    public Money Paid { get; set; }
    public Money Refunded { get; set; }
    public bool IsPaid { get; set; }
    public Recipient Recipient { get; set; } = new(null, null);
    public Delivery Delivery { get; set; } = new(DeliveryType.Delivery, null, null, null, null);
    public string? PostcardText { get; set; }
    public string? LatestPhotoUrl { get; set; }
    public bool FeedbackGiven { get; set; }
    public Guid? ResponsibleId { get; set; }
    public Guid? CourierId { get; set; }
    public long? BitrixOrderId { get; set; }
    public PaymentMethod PaymentMethod { get; set; } = PaymentMethod.Cash;
    public Customer Customer { get; set; } = new("", "", null, null);
    public Money DeliveryCost { get; set; }
    public List<OrderLine> Lines { get; set; } = [];
    public List<string> PhotoUrls { get; set; } = [];

    /// <summary>Kaspi payments by their Kaspi id (remote payments and payment links).</summary>
    public Dictionary<string, KaspiPaymentState> KaspiPayments { get; set; } = [];

    /// <summary>Money that arrived through Kaspi (payments that reached <c>Processed</c>).</summary>
    public Money KaspiReceived { get; set; }

    /// <summary>Refunds requested and not yet answered by Kaspi.</summary>
    public Dictionary<Guid, PendingRefund> RefundsPending { get; set; } = [];

    /// <summary>Every refund ever requested, answered or not.</summary>
    public HashSet<Guid> RefundIds { get; set; } = [];

    public Money RefundsUnderWay => RefundsPending.Values.Aggregate(Money.Zero, (sum, r) => sum + r.Amount);

    public static Order Create(OrderPlaced e) => new()
    {
        Id = e.OrderId,
        ShopId = e.ShopId,
        Status = OrderStatus.New,
        Total = e.Total,
        Recipient = e.Recipient,
        Delivery = e.Delivery,
        PostcardText = e.PostcardText,
        BitrixOrderId = e.ExternalIds.BitrixOrderId,
        PaymentMethod = e.PaymentMethod,
        Customer = e.Customer,
        DeliveryCost = e.DeliveryCost,
        Lines = [.. e.Lines],
    };

    public void Apply(OrderPaid e)
    {
        IsPaid = true;
        Paid += e.Amount;
        if (Status == OrderStatus.New) Status = OrderStatus.Paid;
    }

    public void Apply(OrderAccepted _) => Status = OrderStatus.Accepted;
    public void Apply(OrderAssembled _) => Status = OrderStatus.Assembled;
    public void Apply(OrderOutForDelivery _) => Status = OrderStatus.InDelivery;
    public void Apply(OrderDelivered _) => Status = OrderStatus.Delivered;
    public void Apply(OrderCancelled _) => Status = OrderStatus.Cancelled;
    public void Apply(OrderStateTakenOver e) => Status = e.Status;
    public void Apply(OrderRefunded e)
    {
        Refunded += e.Amount;
        if (e.RefundId is { } id) RefundsPending.Remove(id);
    }

    public void Apply(KaspiPaymentCreated e) => KaspiPayments[e.ExternalId] = new KaspiPaymentState(e.Amount, e.Status);
    public void Apply(KaspiPaymentLinkCreated e) => KaspiPayments[e.PaymentId] = new KaspiPaymentState(e.Amount, "Wait", e.Url, e.ExpiresAt);

    public void Apply(KaspiPaymentStatusReported e)
    {
        if (!KaspiPayments.TryGetValue(e.ExternalId, out var payment)) return;
        KaspiPayments[e.ExternalId] = payment with { Status = e.Status };
        if (e.Status == KaspiStatuses.Processed) KaspiReceived += payment.Amount;
    }

    public void Apply(RefundRequested e)
    {
        RefundIds.Add(e.RefundId);
        RefundsPending[e.RefundId] = new PendingRefund(e.Amount, e.Reason, e.PaymentId);
    }

    public void Apply(RefundFailed e) => RefundsPending.Remove(e.RefundId);
    public void Apply(DeliveryDetailsChanged e) => Delivery = e.Delivery;
    public void Apply(RecipientChanged e) => Recipient = e.Recipient;
    public void Apply(PostcardChanged e) => PostcardText = e.PostcardText;
    public void Apply(ResponsibleFloristAssigned e) => ResponsibleId = e.UserId;
    public void Apply(CourierAssigned e) => CourierId = e.UserId;
    public void Apply(OrderPhotoAdded e)
    {
        LatestPhotoUrl = e.Url;
        PhotoUrls.Add(e.Url);
    }

    public void Apply(OrderPhotoRemoved e)
    {
        PhotoUrls.Remove(e.Url);
        LatestPhotoUrl = PhotoUrls.LastOrDefault();
    }

    public void Apply(CustomerChanged e) => Customer = e.Customer;
    public void Apply(PaymentMethodChanged e) => PaymentMethod = e.PaymentMethod;
    public void Apply(DeliveryCostChanged e) => (DeliveryCost, Total) = (e.DeliveryCost, e.Total);

    public void Apply(OrderLineAdded e)
    {
        Lines.Add(e.Line);
        Total = e.Total;
    }

    public void Apply(OrderLineRemoved e)
    {
        Lines.RemoveAll(l => l.ProductId == e.ProductId);
        Total = e.Total;
    }
    public void Apply(PhotoFeedbackGiven _) => FeedbackGiven = true;
    public void Apply(OrderLinkedToBitrix e) => BitrixOrderId = e.BitrixOrderId;
}

public sealed record KaspiPaymentState(Money Amount, string Status, string? LinkUrl = null, DateTimeOffset? LinkExpiresAt = null);

public sealed record PendingRefund(Money Amount, string Reason, string? PaymentId);
