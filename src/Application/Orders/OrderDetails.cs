using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;

namespace Cvety.Application.Orders;

public sealed record OrderItemView(int ProductId, string ProductName, Money ProductPrice, int Quantity, Money ItemTotal, string? SpecialRequests);

public sealed record OrderPhotoView(string Url, string Label, DateTimeOffset AddedAt, string? Feedback = null, string? Comment = null);

public sealed record OrderNoteView(string Text, string ChangedBy, string Actor, DateTimeOffset At);

public sealed record RefundView(Guid Id, Money Amount, string Reason, RefundStatus Status, string? Reference, string? Error, DateTimeOffset RequestedAt);

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

/// <summary>Keeps <see cref="OrderDetails"/> in step with an order's events; inline, so a read after a write sees the write.</summary>
public sealed partial class OrderDetailsProjection : SingleStreamProjection<OrderDetails, Guid>
{
    public OrderDetails Create(IEvent<OrderPlaced> e)
    {
        var p = e.Data;
        var items = p.Lines.Select(l => new OrderItemView(l.ProductId, l.ProductName, l.ProductPrice, l.Quantity, l.ItemTotal, l.SpecialRequests)).ToList();
        return new OrderDetails
        {
            Id = p.OrderId,
            ShopId = p.ShopId,
            OrderNumber = p.OrderNumber,
            TrackingId = p.TrackingId,
            Status = OrderStatus.New.Name(),
            CustomerName = p.Customer.Name,
            CustomerPhone = p.Customer.Phone,
            CustomerEmail = p.Customer.Email,
            TelegramUserId = p.Customer.TelegramUserId,
            SenderPhone = p.SenderPhone,
            RecipientName = p.Recipient.Name,
            RecipientPhone = p.Recipient.Phone,
            DeliveryType = p.Delivery.Type,
            DeliveryAddress = p.Delivery.Address,
            DeliveryDate = p.Delivery.Date,
            ScheduledTime = p.Delivery.TimeSlot,
            PickupAddress = p.Delivery.PickupAddress,
            CityId = p.Delivery.CityId,
            TimeSlotId = p.Delivery.TimeSlotId,
            PostcardText = p.PostcardText,
            Items = items,
            Subtotal = p.Total - p.DeliveryCost,
            DeliveryCost = p.DeliveryCost,
            Total = p.Total,
            PaymentMethod = p.PaymentMethod,
            SalesChannel = p.SalesChannel,
            Source = p.By.Source,
            BitrixOrderId = p.ExternalIds.BitrixOrderId,
            BitrixAccountNumber = p.ExternalIds.BitrixAccountNumber,
            Notes = p.Notes,
            DeliveryNotes = p.Requests?.DeliveryNotes,
            AskDeliveryAddress = p.Requests?.AskRecipientForAddress ?? false,
            AskDeliveryTime = p.Requests?.AskRecipientForTime ?? false,
            BonusPoints = p.Requests?.BonusPoints,
            CreatedAt = e.At(),
            UpdatedAt = e.At(),
        };
    }

    public void Apply(IEvent<OrderPaid> e, OrderDetails d)
    {
        d.IsPaid = true;
        d.PaidAmount += e.Data.Amount;
        if (d.Status == OrderStatus.New.Name()) d.Status = OrderStatus.Paid.Name();
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<OrderAccepted> e, OrderDetails d) => Move(d, OrderStatus.Accepted, e);
    public void Apply(IEvent<OrderAssembled> e, OrderDetails d) => Move(d, OrderStatus.Assembled, e);
    public void Apply(IEvent<OrderOutForDelivery> e, OrderDetails d) => Move(d, OrderStatus.InDelivery, e);
    public void Apply(IEvent<OrderDelivered> e, OrderDetails d) => Move(d, OrderStatus.Delivered, e);

    public void Apply(IEvent<OrderStateTakenOver> e, OrderDetails d) => Move(d, e.Data.Status, e);

    public void Apply(IEvent<OrderPersonalDataErased> e, OrderDetails d) => (d.PersonalDataErasedAt, d.UpdatedAt) = (e.At(), e.At());

    public void Apply(IEvent<OrderCancelled> e, OrderDetails d)
    {
        Move(d, OrderStatus.Cancelled, e);
        d.CancelReason = e.Data.Reason;
    }

    public void Apply(IEvent<OrderRefunded> e, OrderDetails d)
    {
        d.RefundedAmount += e.Data.Amount;
        Settle(d, e.Data.RefundId, r => r with { Status = RefundStatus.Refunded, Reference = e.Data.RefundReference }, e);
    }

    public void Apply(IEvent<RefundRequested> e, OrderDetails d)
    {
        d.Refunds.Add(new RefundView(e.Data.RefundId, e.Data.Amount, e.Data.Reason, RefundStatus.Pending, null, null, e.At()));
        d.RefundPendingAmount += e.Data.Amount;
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<RefundFailed> e, OrderDetails d) => Settle(d, e.Data.RefundId, r => r with { Status = RefundStatus.Failed, Error = e.Data.Error }, e);

    /// <summary>A requested refund got its answer: no longer under way.</summary>
    private static void Settle(OrderDetails d, Guid? refundId, Func<RefundView, RefundView> answer, IEvent e)
    {
        var index = d.Refunds.FindIndex(r => r.Id == refundId);
        if (index >= 0)
        {
            d.RefundPendingAmount -= d.Refunds[index].Amount;
            d.Refunds[index] = answer(d.Refunds[index]);
        }
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<KaspiPaymentCreated> e, OrderDetails d)
    {
        (d.KaspiPaymentId, d.KaspiPaymentStatus, d.KaspiPaymentCreatedAt, d.KaspiPaymentCompletedAt) = (e.Data.ExternalId, e.Data.Status, e.At(), null);
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<KaspiPaymentLinkCreated> e, OrderDetails d)
    {
        (d.KaspiPaymentId, d.KaspiPaymentStatus, d.PaymentLink, d.PaymentLinkExpiresAt) = (e.Data.PaymentId, "Wait", e.Data.Url, e.Data.ExpiresAt);
        (d.KaspiPaymentCreatedAt, d.KaspiPaymentCompletedAt) = (e.At(), null);
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<KaspiPaymentStatusReported> e, OrderDetails d)
    {
        if (e.Data.ExternalId == d.KaspiPaymentId)
        {
            d.KaspiPaymentStatus = e.Data.Status;
            if (e.Data.Status == "Processed") d.KaspiPaymentCompletedAt ??= e.At();
        }
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<KaspiPaymentRequestFailed> e, OrderDetails d)
    {
        d.KaspiPaymentStatus = "RequestFailed";
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<DeliveryDetailsChanged> e, OrderDetails d)
    {
        var x = e.Data.Delivery;
        (d.DeliveryType, d.DeliveryAddress, d.DeliveryDate, d.ScheduledTime, d.PickupAddress, d.CityId, d.TimeSlotId) = (x.Type, x.Address, x.Date, x.TimeSlot, x.PickupAddress, x.CityId, x.TimeSlotId);
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<RecipientChanged> e, OrderDetails d)
    {
        (d.RecipientName, d.RecipientPhone) = (e.Data.Recipient.Name, e.Data.Recipient.Phone);
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<PostcardChanged> e, OrderDetails d)
    {
        d.PostcardText = e.Data.PostcardText;
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<CustomerChanged> e, OrderDetails d)
    {
        (d.CustomerName, d.CustomerPhone, d.CustomerEmail) = (e.Data.Customer.Name, e.Data.Customer.Phone, e.Data.Customer.Email);
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<PaymentMethodChanged> e, OrderDetails d)
    {
        d.PaymentMethod = e.Data.PaymentMethod;
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<DeliveryCostChanged> e, OrderDetails d)
    {
        (d.DeliveryCost, d.Total) = (e.Data.DeliveryCost, e.Data.Total);
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<OrderLineAdded> e, OrderDetails d)
    {
        var l = e.Data.Line;
        d.Items.Add(new OrderItemView(l.ProductId, l.ProductName, l.ProductPrice, l.Quantity, l.ItemTotal, l.SpecialRequests));
        d.Subtotal += l.ItemTotal;
        d.Total = e.Data.Total;
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<OrderLineRemoved> e, OrderDetails d)
    {
        foreach (var item in d.Items.Where(i => i.ProductId == e.Data.ProductId).ToList())
        {
            d.Items.Remove(item);
            d.Subtotal -= item.ItemTotal;
        }
        d.Total = e.Data.Total;
        d.UpdatedAt = e.At();
    }

    /// <summary>The photo leaves the order (and the tracking page); the timeline still has the event that added it.</summary>
    public void Apply(IEvent<OrderPhotoRemoved> e, OrderDetails d)
    {
        d.Photos.RemoveAll(p => p.Url == e.Data.Url);
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<ResponsibleFloristAssigned> e, OrderDetails d)
    {
        (d.ResponsibleId, d.ResponsibleName) = (e.Data.UserId, e.Data.UserName);
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<CourierAssigned> e, OrderDetails d)
    {
        (d.CourierId, d.CourierName) = (e.Data.UserId, e.Data.UserName);
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<OrderPhotoAdded> e, OrderDetails d)
    {
        d.Photos.Add(new OrderPhotoView(e.Data.Url, e.Data.Label, e.At()));
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<PhotoFeedbackGiven> e, OrderDetails d)
    {
        if (d.Photos.Count > 0) d.Photos[^1] = d.Photos[^1] with { Feedback = e.Data.Feedback, Comment = e.Data.Comment };
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<OrderNoteAdded> e, OrderDetails d)
    {
        d.StaffNotes.Add(new OrderNoteView(e.Data.Text, e.Data.By.ChangedBy, e.Data.By.Actor, e.At()));
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<OrderLinkedToBitrix> e, OrderDetails d)
    {
        (d.BitrixOrderId, d.BitrixAccountNumber) = (e.Data.BitrixOrderId, e.Data.AccountNumber);
        d.UpdatedAt = e.At();
    }

    public void Apply(IEvent<OrderStatusConflictRecorded> e, OrderDetails d)
    {
        d.StatusConflicts.Add(new StatusConflictView(e.Data.Current.Name(), e.Data.Reported.Name(), e.Data.ReportedCode, e.Data.By.Source, e.At()));
        d.UpdatedAt = e.At();
    }

    private static void Move(OrderDetails d, OrderStatus status, IEvent e)
    {
        d.Status = status.Name();
        d.UpdatedAt = e.At();
    }
}
