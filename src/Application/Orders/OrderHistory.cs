using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Cvety.Application.Orders;

/// <summary>One row of the legacy <c>order_history</c>: which field changed, from what to what, by whom and when.</summary>
public sealed record OrderHistoryRow(int Id, Guid OrderId, string ChangedBy, string FieldName, string? OldValue, string? NewValue, DateTimeOffset ChangedAt, string? Actor = null, string? Role = null);

/// <summary>
/// The <c>order_history</c> projection: the rows of one order in the shape the legacy clients read. It keeps the
/// current value of each field it reports so that every row can say what the field was before.
/// </summary>
public sealed class OrderHistory
{
    public Guid Id { get; set; }
    public List<OrderHistoryRow> Rows { get; set; } = [];
    public Dictionary<string, string?> Current { get; set; } = [];

    internal void Record(IEvent e, Origin by, string field, string? value)
    {
        Current.TryGetValue(field, out var old);
        if (Current.ContainsKey(field) && old == value) return;
        Current[field] = value;
        Rows.Add(new OrderHistoryRow(Rows.Count + 1, Id, by.ChangedBy, field, old, value, e.At(), by.Actor, by.Role));
    }

    internal void Note(IEvent e, Origin by, string field, string? value) =>
        Rows.Add(new OrderHistoryRow(Rows.Count + 1, Id, by.ChangedBy, field, null, value, e.At(), by.Actor, by.Role));
}

public sealed partial class OrderHistoryProjection : SingleStreamProjection<OrderHistory, Guid>
{
    public OrderHistory Create(IEvent<OrderPlaced> e)
    {
        var history = new OrderHistory { Id = e.Data.OrderId };
        history.Record(e, e.Data.By, "status", OrderStatus.New.Name());
        history.Current["recipient_name"] = e.Data.Recipient.Name;
        history.Current["recipient_phone"] = e.Data.Recipient.Phone;
        SetDelivery(history, e.Data.Delivery);
        history.Current["postcard_text"] = e.Data.PostcardText;
        history.Current["customer_name"] = e.Data.Customer.Name;
        history.Current["customer_phone"] = e.Data.Customer.Phone;
        history.Current["customer_email"] = e.Data.Customer.Email;
        history.Current["payment_method"] = e.Data.PaymentMethod.Word;
        history.Current["delivery_cost"] = Tiyn(e.Data.DeliveryCost);
        history.Current["total"] = Tiyn(e.Data.Total);
        return history;
    }

    public void Apply(IEvent<OrderPaid> e, OrderHistory h)
    {
        h.Record(e, e.Data.By, "is_paid", "true");
        if (h.Current["status"] == OrderStatus.New.Name()) h.Record(e, e.Data.By, "status", OrderStatus.Paid.Name());
        Reason(e, h, e.Data.By, e.Data.Note);
    }

    public void Apply(IEvent<OrderAccepted> e, OrderHistory h) => Status(e, h, OrderStatus.Accepted, e.Data.By, e.Data.Note);
    public void Apply(IEvent<OrderStateTakenOver> e, OrderHistory h) => Status(e, h, e.Data.Status, e.Data.By, e.Data.Note);
    public void Apply(IEvent<OrderPersonalDataErased> e, OrderHistory h) => h.Note(e, e.Data.By, "personal_data_erased", e.Data.Reason ?? "client's request");
    public void Apply(IEvent<OrderAssembled> e, OrderHistory h) => Status(e, h, OrderStatus.Assembled, e.Data.By, e.Data.Note);
    public void Apply(IEvent<OrderOutForDelivery> e, OrderHistory h) => Status(e, h, OrderStatus.InDelivery, e.Data.By, e.Data.Note);
    public void Apply(IEvent<OrderDelivered> e, OrderHistory h) => Status(e, h, OrderStatus.Delivered, e.Data.By, e.Data.Note);

    public void Apply(IEvent<OrderCancelled> e, OrderHistory h)
    {
        h.Record(e, e.Data.By, "status", OrderStatus.Cancelled.Name());
        h.Record(e, e.Data.By, "cancel_reason", e.Data.Reason);
    }

    public void Apply(IEvent<OrderRefunded> e, OrderHistory h) =>
        h.Note(e, e.Data.By, "refund", e.Data.Amount.Tiyn.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Apply(IEvent<DeliveryDetailsChanged> e, OrderHistory h) => RecordDelivery(e, h, e.Data.Delivery, e.Data.By);

    public void Apply(IEvent<RecipientChanged> e, OrderHistory h)
    {
        h.Record(e, e.Data.By, "recipient_name", e.Data.Recipient.Name);
        h.Record(e, e.Data.By, "recipient_phone", e.Data.Recipient.Phone);
    }

    public void Apply(IEvent<PostcardChanged> e, OrderHistory h) => h.Record(e, e.Data.By, "postcard_text", e.Data.PostcardText);

    public void Apply(IEvent<CustomerChanged> e, OrderHistory h)
    {
        h.Record(e, e.Data.By, "customer_name", e.Data.Customer.Name);
        h.Record(e, e.Data.By, "customer_phone", e.Data.Customer.Phone);
        h.Record(e, e.Data.By, "customer_email", e.Data.Customer.Email);
    }

    public void Apply(IEvent<PaymentMethodChanged> e, OrderHistory h) => h.Record(e, e.Data.By, "payment_method", e.Data.PaymentMethod.Word);

    public void Apply(IEvent<DeliveryCostChanged> e, OrderHistory h)
    {
        h.Record(e, e.Data.By, "delivery_cost", Tiyn(e.Data.DeliveryCost));
        h.Record(e, e.Data.By, "total", Tiyn(e.Data.Total));
        Reason(e, h, e.Data.By, e.Data.Reason);
    }

    public void Apply(IEvent<OrderLineAdded> e, OrderHistory h)
    {
        h.Note(e, e.Data.By, "item_added", $"{e.Data.Line.ProductName} × {e.Data.Line.Quantity}");
        h.Record(e, e.Data.By, "total", Tiyn(e.Data.Total));
    }

    public void Apply(IEvent<OrderLineRemoved> e, OrderHistory h)
    {
        h.Note(e, e.Data.By, "item_removed", e.Data.ProductName);
        h.Record(e, e.Data.By, "total", Tiyn(e.Data.Total));
    }

    public void Apply(IEvent<OrderPhotoRemoved> e, OrderHistory h) => h.Note(e, e.Data.By, "photo_removed", e.Data.Url);
    public void Apply(IEvent<RefundOffered> e, OrderHistory h) => h.Note(e, e.Data.By, "refund_offered", Tiyn(e.Data.Amount));
    public void Apply(IEvent<ResponsibleFloristAssigned> e, OrderHistory h) => h.Record(e, e.Data.By, "responsible", e.Data.UserName);
    public void Apply(IEvent<CourierAssigned> e, OrderHistory h) => h.Record(e, e.Data.By, "courier", e.Data.UserName);
    public void Apply(IEvent<OrderPhotoAdded> e, OrderHistory h) => h.Note(e, e.Data.By, "photo", e.Data.Url);
    public void Apply(IEvent<PhotoFeedbackGiven> e, OrderHistory h) => h.Note(e, e.Data.By, "photo_feedback", e.Data.Feedback);
    public void Apply(IEvent<OrderNoteAdded> e, OrderHistory h) => h.Note(e, e.Data.By, "note", e.Data.Text);

    public void Apply(IEvent<OrderLinkedToBitrix> e, OrderHistory h) =>
        h.Record(e, e.Data.By, "bitrix_order_id", e.Data.BitrixOrderId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Apply(IEvent<KaspiPaymentCreated> e, OrderHistory h) => h.Record(e, e.Data.By, "kaspi_payment_status", e.Data.Status);
    public void Apply(IEvent<KaspiPaymentLinkCreated> e, OrderHistory h) => h.Note(e, e.Data.By, "kaspi_payment_link", e.Data.Url);
    public void Apply(IEvent<KaspiPaymentStatusReported> e, OrderHistory h) => h.Record(e, e.Data.By, "kaspi_payment_status", e.Data.Status);
    public void Apply(IEvent<KaspiPaymentRequestFailed> e, OrderHistory h) => h.Note(e, e.Data.By, "kaspi_payment_error", e.Data.Error);
    public void Apply(IEvent<RefundRequested> e, OrderHistory h) => h.Note(e, e.Data.By, "refund_requested", Tiyn(e.Data.Amount));
    public void Apply(IEvent<RefundFailed> e, OrderHistory h) => h.Note(e, e.Data.By, "refund_failed", e.Data.Error);

    private static string Tiyn(Money amount) => amount.Tiyn.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Apply(IEvent<OrderStatusConflictRecorded> e, OrderHistory h) =>
        h.Rows.Add(new OrderHistoryRow(h.Rows.Count + 1, h.Id, e.Data.By.ChangedBy, "status_conflict", e.Data.Current.Name(), e.Data.Reported.Name(), e.At()));

    private static void Status(IEvent e, OrderHistory h, OrderStatus status, Origin by, string? note)
    {
        h.Record(e, by, "status", status.Name());
        Reason(e, h, by, note);
    }

    private static void Reason(IEvent e, OrderHistory h, Origin by, string? note)
    {
        if (!string.IsNullOrWhiteSpace(note)) h.Note(e, by, "notes", note);
    }

    private static void SetDelivery(OrderHistory h, Delivery d)
    {
        h.Current["delivery_address"] = d.Address;
        h.Current["delivery_date"] = d.Date?.ToString("yyyy-MM-dd");
        h.Current["scheduled_time"] = d.TimeSlot;
        h.Current["delivery_type"] = d.Type.Word();
    }

    private static void RecordDelivery(IEvent e, OrderHistory h, Delivery d, Origin by)
    {
        h.Record(e, by, "delivery_type", d.Type.Word());
        h.Record(e, by, "delivery_address", d.Address);
        h.Record(e, by, "delivery_date", d.Date?.ToString("yyyy-MM-dd"));
        h.Record(e, by, "scheduled_time", d.TimeSlot);
    }
}
