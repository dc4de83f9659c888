using System.Globalization;
using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;

namespace Cvety.Application.Import;

/// <summary>An event the import will append, at the time it happened in the legacy system.</summary>
public sealed record Planned(object Data, DateTimeOffset At);

/// <summary>What the import needs to know beyond the order's own rows.</summary>
public sealed record LegacyOrderContext(int ShopId, LegacyClock Clock, IReadOnlyDictionary<int, (Guid Id, string Name)> Users);

/// <summary>
/// The facts of an order the import compares with the legacy row and moves: Cvety's own view of them, from the
/// order's read model on a second run, or folded from the events planned so far on the first.
/// </summary>
public sealed class OrderFacts
{
    public OrderStatus Status { get; set; }
    public Customer Customer { get; set; } = new("", "", null, null);
    public Recipient Recipient { get; set; } = new(null, null);
    public Delivery Delivery { get; set; } = new(DeliveryType.Delivery, null, null, null, null);
    public PaymentMethod PaymentMethod { get; set; } = PaymentMethod.Cash;
    public string? KaspiPaymentId { get; set; }
    public string? KaspiStatus { get; set; }
    public bool IsPaid { get; set; }
    public HashSet<string> PhotoUrls { get; } = [];
    public bool FeedbackGiven { get; set; }
    public Guid? ResponsibleId { get; set; }
    public Guid? CourierId { get; set; }
    public long? BitrixOrderId { get; set; }

    public static OrderFacts Of(OrderDetails d)
    {
        var facts = new OrderFacts
        {
            Status = OrderStatuses.TryParse(d.Status, out var s) ? s : OrderStatus.New,
            Customer = new Customer(d.CustomerName, d.CustomerPhone, d.CustomerEmail, d.TelegramUserId),
            Recipient = new Recipient(d.RecipientName, d.RecipientPhone),
            Delivery = new Delivery(d.DeliveryType, d.DeliveryAddress, d.DeliveryDate, d.ScheduledTime, d.PickupAddress, d.CityId, d.TimeSlotId),
            PaymentMethod = d.PaymentMethod, KaspiPaymentId = d.KaspiPaymentId, KaspiStatus = d.KaspiPaymentStatus, IsPaid = d.IsPaid,
            FeedbackGiven = d.Photos.Any(p => p.Feedback is not null), ResponsibleId = d.ResponsibleId, CourierId = d.CourierId, BitrixOrderId = d.BitrixOrderId,
        };
        foreach (var photo in d.Photos) facts.PhotoUrls.Add(photo.Url);
        return facts;
    }

    public void Apply(object e)
    {
        switch (e)
        {
            case OrderPlaced p:
                (Status, Customer, Recipient, Delivery, PaymentMethod, BitrixOrderId) = (OrderStatus.New, p.Customer, p.Recipient, p.Delivery, p.PaymentMethod, p.ExternalIds.BitrixOrderId);
                break;
            case OrderPaid: IsPaid = true; if (Status == OrderStatus.New) Status = OrderStatus.Paid; break;
            case OrderAccepted: Status = OrderStatus.Accepted; break;
            case OrderAssembled: Status = OrderStatus.Assembled; break;
            case OrderOutForDelivery: Status = OrderStatus.InDelivery; break;
            case OrderDelivered: Status = OrderStatus.Delivered; break;
            case OrderCancelled: Status = OrderStatus.Cancelled; break;
            case OrderStateTakenOver t: Status = t.Status; break;
            case CustomerChanged c: Customer = c.Customer; break;
            case RecipientChanged r: Recipient = r.Recipient; break;
            case DeliveryDetailsChanged d: Delivery = d.Delivery; break;
            case PaymentMethodChanged m: PaymentMethod = m.PaymentMethod; break;
            case KaspiPaymentCreated k: (KaspiPaymentId, KaspiStatus) = (k.ExternalId, k.Status); break;
            case KaspiPaymentStatusReported k when k.ExternalId == KaspiPaymentId: KaspiStatus = k.Status; break;
            case OrderPhotoAdded ph: PhotoUrls.Add(ph.Url); break;
            case PhotoFeedbackGiven: FeedbackGiven = true; break;
            case ResponsibleFloristAssigned a: ResponsibleId = a.UserId; break;
            case CourierAssigned c: CourierId = c.UserId; break;
            case OrderLinkedToBitrix b: BitrixOrderId = b.BitrixOrderId; break;
        }
    }
}

/// <summary>
/// One legacy order as events (reference §3.1's derivation): placed at its <c>created_at</c> in the state its history
/// says it had then, each history row an event at its <c>changed_at</c> by its <c>changed_by</c>, the Kaspi payment,
/// photos, assignment and Bitrix link at their own times, and, where the history does not reach the row's current
/// state, an event that says the state was taken over. A second run plans only what is new: history rows after the
/// last one imported, and whatever the row says now that the order does not.
/// </summary>
public static class LegacyOrderPlan
{
    private const string NoteTakenOver = "Taken over from the legacy system: its history does not say when or by whom this changed.";

    /// <summary>The order's fields as the legacy row has them, field by field as history names them.</summary>
    private sealed class RowState
    {
        public Dictionary<string, string?> Fields { get; } = new(StringComparer.Ordinal);
        public DateTime? DeliveryDate { get; set; }

        public static RowState Of(LegacyOrderRow o)
        {
            var s = new RowState { DeliveryDate = o.DeliveryDate };
            s.Fields["customerName"] = o.CustomerName;
            s.Fields["phone"] = o.Phone;
            s.Fields["customer_email"] = o.CustomerEmail;
            s.Fields["delivery_address"] = o.DeliveryAddress;
            s.Fields["delivery_notes"] = o.DeliveryNotes;
            s.Fields["status"] = o.Status;
            s.Fields["notes"] = o.Notes;
            s.Fields["recipient_name"] = o.RecipientName;
            s.Fields["recipient_phone"] = o.RecipientPhone;
            s.Fields["sender_phone"] = o.SenderPhone;
            s.Fields["pickup_address"] = o.PickupAddress;
            s.Fields["delivery_type"] = o.DeliveryType;
            s.Fields["scheduled_time"] = o.ScheduledTime;
            s.Fields["payment_method"] = o.PaymentMethod;
            s.Fields["order_comment"] = o.OrderComment;
            return s;
        }

        /// <summary>Sets a field history names; false for one it does not keep (assignment, feedback, flags).</summary>
        public bool Set(string field, string? value)
        {
            if (field == "delivery_date")
            {
                DeliveryDate = LegacyReading.HistoryTime(value);
                return true;
            }
            if (!Fields.ContainsKey(field)) return false;
            Fields[field] = value;
            return true;
        }

        public string? this[string field] => Fields.GetValueOrDefault(field);

        public Customer Customer(LegacyOrderRow o) =>
            new(this["customerName"] ?? "", LegacyReading.Phone(this["phone"]) ?? this["phone"] ?? "", Blank(this["customer_email"]), TelegramId(o));

        public Recipient Recipient() => new(Blank(this["recipient_name"]), LegacyReading.Phone(this["recipient_phone"]) ?? Blank(this["recipient_phone"]));

        public Delivery Delivery(LegacyOrderRow o, LegacyClock clock)
        {
            var type = LegacyReading.DeliveryType(this["delivery_type"]);
            var when = clock.Delivery(DeliveryDate, o.TelegramUserId is not null);
            var slot = Blank(this["scheduled_time"]) ?? when?.Time?.ToString("HH:mm", CultureInfo.InvariantCulture);
            return new Delivery(type, type == DeliveryType.Pickup ? null : Blank(this["delivery_address"]), when?.Day, slot, Blank(this["pickup_address"]));
        }

        public OrderStatus? Status => LegacyReading.Status(this["status"]);
    }

    public static long? TelegramId(LegacyOrderRow o) =>
        long.TryParse(o.TelegramUserId?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The events of one order; <paramref name="existing"/> is null on its first import.</summary>
    public static (List<Planned> Events, int LastHistoryId, List<string> Warnings) Plan(
        LegacyOrderRow o, IReadOnlyList<LegacyOrderItemRow> items, IReadOnlyList<LegacyPhotoRow> photos, IReadOnlyList<LegacyHistoryRow> history,
        LegacyOrderContext ctx, Guid orderId, OrderFacts? existing, int lastHistoryId)
    {
        var warnings = new List<string>();
        var planned = new List<Planned>();
        var rows = history.OrderBy(h => h.Id).ToList();
        var created = ctx.Clock.At(o.CreatedAt) ?? ctx.Clock.At(o.UpdatedAt) ?? DateTimeOffset.UnixEpoch;
        var updated = ctx.Clock.At(o.UpdatedAt) ?? created;
        OrderFacts facts;
        RowState state;

        if (existing is null)
        {
            // The state at creation: the row as it is now, with history undone newest first.
            state = RowState.Of(o);
            foreach (var h in Enumerable.Reverse(rows)) state.Set(h.Field, h.OldValue);
            var placed = Placed(o, items, state, ctx, orderId);
            planned.Add(new Planned(placed, created));
            facts = new OrderFacts();
            facts.Apply(placed);
            if (placed.Customer.Phone.Length > 0 && LegacyReading.Phone(placed.Customer.Phone) is null) warnings.Add($"phone '{o.Phone}' is not a phone number; kept as it was");
        }
        else
        {
            facts = existing;
            state = RowState.Of(o);
            foreach (var h in Enumerable.Reverse(rows.Where(h => h.Id > lastHistoryId))) state.Set(h.Field, h.OldValue);
        }

        var later = new List<Planned>();
        foreach (var h in rows.Where(h => h.Id > lastHistoryId))
        {
            var at = h.ChangedAt ?? updated;
            var by = Origin.Legacy(ActorOf(h.ChangedBy));
            var customerBefore = state.Customer(o);
            var recipientBefore = state.Recipient();
            var deliveryBefore = state.Delivery(o, ctx.Clock);
            var paymentBefore = LegacyReading.PaymentMethod(state["payment_method"]);
            var known = state.Set(h.Field, h.NewValue);
            switch (h.Field)
            {
                case "status":
                    if (LegacyReading.Status(h.NewValue) is { } status) later.Add(new Planned(StatusEvent(orderId, status, LegacyReading.CancelReason(h.NewValue), by, o), at));
                    else warnings.Add($"history {h.Id}: status '{h.NewValue}' is not a status; kept as a note");
                    if (LegacyReading.Status(h.NewValue) is null) later.Add(new Planned(new OrderNoteAdded(orderId, $"status: {h.OldValue} → {h.NewValue}", by), at));
                    continue;
                case "customerName" or "phone" or "customer_email":
                    if (state.Customer(o) != customerBefore) later.Add(new Planned(new CustomerChanged(orderId, state.Customer(o), by), at));
                    continue;
                case "recipient_name" or "recipient_phone":
                    if (state.Recipient() != recipientBefore) later.Add(new Planned(new RecipientChanged(orderId, state.Recipient(), by), at));
                    continue;
                case "delivery_address" or "delivery_date" or "scheduled_time" or "delivery_type" or "pickup_address":
                    if (state.Delivery(o, ctx.Clock) != deliveryBefore) later.Add(new Planned(new DeliveryDetailsChanged(orderId, state.Delivery(o, ctx.Clock), by), at));
                    continue;
                case "payment_method":
                    if (LegacyReading.PaymentMethod(state["payment_method"]) != paymentBefore)
                        later.Add(new Planned(new PaymentMethodChanged(orderId, LegacyReading.PaymentMethod(state["payment_method"]), by), at));
                    continue;
                case "assigned_to" or "courier":
                    if (LegacyReading.Assignee(h.NewValue) is { } who && ctx.Users.TryGetValue(who.Id, out var user))
                        later.Add(new Planned(h.Field == "courier" ? new CourierAssigned(orderId, user.Id, user.Name, by) : new ResponsibleFloristAssigned(orderId, user.Id, user.Name, by), at));
                    else later.Add(new Planned(new OrderNoteAdded(orderId, $"{h.Field}: {h.OldValue ?? "—"} → {h.NewValue ?? "—"}", by), at));
                    continue;
                case "photo_feedback":
                    if (LegacyReading.Feedback(h.NewValue) is { } feedback) later.Add(new Planned(new PhotoFeedbackGiven(orderId, feedback.Feedback, feedback.Comment, by), at));
                    continue;
            }
            // Notes, the customer's words, flags and anything else history kept: a note that says what changed.
            if (known || h.NewValue is not null)
                later.Add(new Planned(new OrderNoteAdded(orderId, $"{h.Field}: {h.OldValue ?? "—"} → {h.NewValue ?? "—"}", by), at));
        }

        // The payment Kaspi reported, the photo and its feedback, the assignment and the Bitrix link, at their own times.
        var legacy = Origin.Legacy();
        if (!string.IsNullOrWhiteSpace(o.KaspiPaymentId))
        {
            var paymentAt = ctx.Clock.At(o.KaspiPaymentCreatedAt) ?? created;
            var doneAt = ctx.Clock.At(o.KaspiPaymentCompletedAt) ?? updated;
            var status = string.IsNullOrWhiteSpace(o.KaspiPaymentStatus) ? "Wait" : o.KaspiPaymentStatus.Trim();
            if (facts.KaspiPaymentId != o.KaspiPaymentId)
            {
                later.Add(new Planned(new KaspiPaymentCreated(orderId, o.KaspiPaymentId.Trim(), new Money(o.Total), "Wait", legacy), paymentAt));
                if (status != "Wait") later.Add(new Planned(new KaspiPaymentStatusReported(orderId, o.KaspiPaymentId.Trim(), status, legacy), doneAt));
            }
            else if (facts.KaspiStatus != status) later.Add(new Planned(new KaspiPaymentStatusReported(orderId, o.KaspiPaymentId.Trim(), status, legacy), doneAt));
            if (status == "Processed" && !facts.IsPaid && !later.Any(p => p.Data is OrderPaid))
                later.Add(new Planned(new OrderPaid(orderId, new Money(o.Total), o.KaspiPaymentId.Trim(), "Paid with Kaspi in the legacy system", legacy), doneAt));
        }
        foreach (var photo in photos.OrderBy(p => p.Id))
        {
            if (!facts.PhotoUrls.Contains(photo.Url))
                later.Add(new Planned(new OrderPhotoAdded(orderId, photo.Url, photo.Label ?? "Фото до доставки", legacy), ctx.Clock.At(photo.UploadedAt) ?? updated));
            if (photo.Feedback is "like" or "dislike" && !facts.FeedbackGiven && !later.Any(p => p.Data is PhotoFeedbackGiven))
                later.Add(new Planned(new PhotoFeedbackGiven(orderId, photo.Feedback, photo.Comment, Origin.Legacy("customer")), ctx.Clock.At(photo.FeedbackAt) ?? updated));
        }
        var assignedAt = ctx.Clock.At(o.AssignedAt) ?? updated;
        if (o.AssignedToId is { } responsible && ctx.Users.TryGetValue(responsible, out var florist) && facts.ResponsibleId != florist.Id
            && !later.Any(p => p.Data is ResponsibleFloristAssigned r && r.UserId == florist.Id))
            later.Add(new Planned(new ResponsibleFloristAssigned(orderId, florist.Id, florist.Name, legacy), assignedAt));
        if (o.CourierId is { } courierId && ctx.Users.TryGetValue(courierId, out var courier) && facts.CourierId != courier.Id
            && !later.Any(p => p.Data is CourierAssigned c && c.UserId == courier.Id))
            later.Add(new Planned(new CourierAssigned(orderId, courier.Id, courier.Name, legacy), assignedAt));
        if (o.BitrixOrderId is { } bitrix && facts.BitrixOrderId != bitrix)
            later.Add(new Planned(new OrderLinkedToBitrix(orderId, bitrix, null, legacy), existing is null ? created : updated));

        // In the order of their times, never before the one before (the legacy clocks disagree at times).
        var floor = existing is null ? created : DateTimeOffset.MinValue;
        foreach (var p in later.OrderBy(p => p.At))
        {
            var at = p.At < floor ? floor : p.At;
            planned.Add(p with { At = at });
            floor = at;
            facts.Apply(p.Data);
        }

        // What the row says now and the events do not: taken over, at the row's last update.
        var target = RowState.Of(o);
        var end = updated < floor ? floor : updated;
        if (target.Customer(o) != facts.Customer) Add(new CustomerChanged(orderId, target.Customer(o), legacy));
        if (target.Recipient() != facts.Recipient) Add(new RecipientChanged(orderId, target.Recipient(), legacy));
        var delivery = target.Delivery(o, ctx.Clock) with { CityId = facts.Delivery.CityId, TimeSlotId = facts.Delivery.TimeSlotId };
        if (delivery != facts.Delivery) Add(new DeliveryDetailsChanged(orderId, delivery, legacy));
        if (LegacyReading.PaymentMethod(o.PaymentMethod) != facts.PaymentMethod) Add(new PaymentMethodChanged(orderId, LegacyReading.PaymentMethod(o.PaymentMethod), legacy));
        if (target.Status is { } now)
        {
            if (now != facts.Status) Add(new OrderStateTakenOver(orderId, now, NoteTakenOver, legacy));
        }
        else warnings.Add($"status '{o.Status}' is not a status; the order stays {facts.Status.Name()}");

        return (planned, rows.Count > 0 ? Math.Max(lastHistoryId, rows[^1].Id) : lastHistoryId, warnings);

        void Add(object data)
        {
            planned.Add(new Planned(data, end));
            facts.Apply(data);
        }
    }

    /// <summary>The order as it was placed: the state its history says it had then, the lines as sold.</summary>
    private static OrderPlaced Placed(LegacyOrderRow o, IReadOnlyList<LegacyOrderItemRow> items, RowState state, LegacyOrderContext ctx, Guid orderId)
    {
        var lines = items.OrderBy(i => i.Id).Select(i => new OrderLine(i.ProductId, i.ProductName, new Money(i.ProductPrice), Math.Max(1, i.Quantity), Blank(i.SpecialRequests))).ToList();
        var notes = string.Join("\n", new[] { state["notes"], state["order_comment"] }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var channel = o.BitrixOrderId is not null ? "bitrix" : o.TelegramUserId is not null ? Sources.Telegram : "legacy";
        var requests = new CustomerRequests(Blank(state["delivery_notes"]), o.AskDeliveryAddress, o.AskDeliveryTime, o.BonusPoints is > 0 ? o.BonusPoints : null);
        return new OrderPlaced(orderId, ctx.ShopId, o.OrderNumber.Trim(), o.TrackingId.Trim(), state.Customer(o), state.Recipient(), state.Delivery(o, ctx.Clock),
            null, lines, new Money(o.DeliveryCost), new Money(o.Total), LegacyReading.PaymentMethod(state["payment_method"]), channel,
            new ExternalIds(o.BitrixOrderId), notes.Length == 0 ? null : notes, LegacyReading.Phone(state["sender_phone"]) ?? Blank(state["sender_phone"]),
            Origin.Legacy(channel == Sources.Telegram ? "customer" : "legacy"), requests.IsEmpty ? null : requests);
    }

    private static object StatusEvent(Guid orderId, OrderStatus status, string? reason, Origin by, LegacyOrderRow o) => status switch
    {
        OrderStatus.Paid => new OrderPaid(orderId, new Money(o.Total), null, "Marked paid in the legacy system", by),
        OrderStatus.Accepted => new OrderAccepted(orderId, null, by),
        OrderStatus.Assembled => new OrderAssembled(orderId, null, null, by),
        OrderStatus.InDelivery => new OrderOutForDelivery(orderId, null, by),
        OrderStatus.Delivered => new OrderDelivered(orderId, null, by),
        OrderStatus.Cancelled => new OrderCancelled(orderId, reason ?? "Cancelled in the legacy system", by),
        _ => new OrderStateTakenOver(orderId, status, "Set back in the legacy system", by),
    };

    /// <summary>History's <c>changed_by</c> (admin, customer, bitrix ...) as the actor of the imported event.</summary>
    public static string ActorOf(string? changedBy) =>
        string.IsNullOrWhiteSpace(changedBy) ? "legacy" : changedBy.Trim().ToLowerInvariant() is var a && a.Length > 20 ? a[..20] : a;
}
