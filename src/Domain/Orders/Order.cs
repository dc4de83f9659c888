using Cvety.Domain.Common;

namespace Cvety.Domain.Orders;

/// <summary>
/// The write model of an order: only what decisions need. Everything people look at is a projection.
/// </summary>
public sealed class Order
{
    public Guid Id { get; set; }
    public int ShopId { get; set; }
    public OrderStatus Status { get; set; }
    public Money Total { get; set; }
    public Money Paid { get; set; }
    public Money Refunded { get; set; }
    public bool IsPaid { get; set; }
    public Recipient Recipient { get; set; } = new(null, null);
    public Delivery Delivery { get; set; } = new("delivery", null, null, null, null);
    public string? PostcardText { get; set; }
    public string? LatestPhotoUrl { get; set; }
    public bool FeedbackGiven { get; set; }
    public Guid? ResponsibleId { get; set; }
    public Guid? CourierId { get; set; }
    public long? BitrixOrderId { get; set; }

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
    public void Apply(OrderRefunded e) => Refunded += e.Amount;
    public void Apply(DeliveryDetailsChanged e) => Delivery = e.Delivery;
    public void Apply(RecipientChanged e) => Recipient = e.Recipient;
    public void Apply(PostcardChanged e) => PostcardText = e.PostcardText;
    public void Apply(ResponsibleFloristAssigned e) => ResponsibleId = e.UserId;
    public void Apply(CourierAssigned e) => CourierId = e.UserId;
    public void Apply(OrderPhotoAdded e) => LatestPhotoUrl = e.Url;
    public void Apply(PhotoFeedbackGiven _) => FeedbackGiven = true;
    public void Apply(OrderLinkedToBitrix e) => BitrixOrderId = e.BitrixOrderId;
}
