using Cvety.Domain.Common;

namespace Cvety.Domain.Orders;

/// <summary>A move the lifecycle does not allow. The API answers 409 naming both statuses.</summary>
public sealed class InvalidTransitionException(OrderStatus current, OrderStatus requested)
    : DomainException($"An order in status '{current.Name()}' cannot move to '{requested.Name()}'.")
{
    public OrderStatus Current { get; } = current;
    public OrderStatus Requested { get; } = requested;
}

/// <summary>
/// Every decision about an order, as pure functions of its state: they return the events to append, or throw
/// <see cref="DomainException"/> when a rule is broken. No clock, no database, no framework.
/// </summary>
public static class OrderDecisions
{
    public static OrderPlaced Place(
        Guid orderId, int shopId, string orderNumber, string trackingId, Customer customer, Recipient recipient,
        Delivery delivery, string? postcardText, IReadOnlyList<OrderLine> lines, Money deliveryCost, PaymentMethod paymentMethod,
        string salesChannel, ExternalIds externalIds, string? notes, string? senderPhone, Origin by, CustomerRequests? requests = null)
    {
        if (lines.Count == 0) throw new DomainException("An order needs at least one line.");
        if (lines.Any(l => l.Quantity <= 0)) throw new DomainException("Every line needs a positive quantity.");
        if (deliveryCost < Money.Zero) throw new DomainException("The delivery cost cannot be negative.");

        var total = lines.Aggregate(Money.Zero, (sum, line) => sum + line.ItemTotal) + deliveryCost;
        return new OrderPlaced(orderId, shopId, orderNumber, trackingId, customer, recipient, delivery, postcardText,
            lines, deliveryCost, total, paymentMethod, salesChannel, externalIds, notes, senderPhone, by,
            requests is { IsEmpty: false } ? requests : null);
    }

    /// <summary>A person moves the order one allowed step.</summary>
    public static object[] ChangeStatus(Order order, OrderStatus target, Origin by, string? note)
    {
        if (!OrderTransitions.CanMove(order.Status, target)) throw new InvalidTransitionException(order.Status, target);
        return [StatusEvent(order, target, by, note)];
    }

    public static object[] Cancel(Order order, string reason, Origin by) => ChangeStatus(order, OrderStatus.Cancelled, by, reason);

    /// <summary>
    /// An outside system of record (Bitrix) reports a status. It may skip steps forward, because it reports what
    /// already happened there; a report that would move the order backwards, or out of a final state, is recorded
    /// as a conflict for a person and never applied.
    /// </summary>
    public static object[] ReportStatusFromOutside(Order order, OrderStatus reported, string? reportedCode, Origin by)
    {
        if (reported == order.Status) return [];
        var forward = !OrderTransitions.IsTerminal(order.Status)
            && (reported == OrderStatus.Cancelled || OrderTransitions.Rank(reported) > OrderTransitions.Rank(order.Status));
        return forward
            ? [StatusEvent(order, reported, by, reportedCode is null ? null : $"Reported status code {reportedCode}")]
            : [new OrderStatusConflictRecorded(order.Id, order.Status, reported, reportedCode, by)];
    }

    /// <summary>The customer changes recipient, delivery or postcard. Only what differs becomes an event.</summary>
    public static object[] EditByCustomer(Order order, Recipient recipient, Delivery delivery, string? postcardText, Origin by)
    {
        if (!OrderTransitions.CustomerMayEdit(order.Status))
            throw new DomainException($"An order in status '{order.Status.Name()}' can no longer be changed; call the shop.");
        return DetailChanges(order, recipient, delivery, postcardText, by);
    }

    /// <summary>Statuses in which staff may still change what the order holds (lines): before the bouquet is assembled.</summary>
    public static bool BeforeAssembly(OrderStatus status) => status is OrderStatus.New or OrderStatus.Paid or OrderStatus.Accepted;

    /// <summary>
    /// Staff edit an order that is not finished: each field that differs becomes an event with its new value. A new
    /// delivery cost changes the total; on a paid order a lower total offers the difference back (never refunded silently).
    /// </summary>
    public static object[] EditByStaff(Order order, Customer customer, Recipient recipient, Delivery delivery, string? postcardText,
        PaymentMethod paymentMethod, Money? deliveryCost, string? costReason, Origin by)
    {
        if (order.Status is OrderStatus.Delivered or OrderStatus.Cancelled)
            throw new DomainException($"An order in status '{order.Status.Name()}' can no longer be edited.");
        var events = new List<object>();
        if (customer != order.Customer) events.Add(new CustomerChanged(order.Id, customer, by));
        events.AddRange(DetailChanges(order, recipient, delivery, postcardText, by));
        if (paymentMethod != order.PaymentMethod) events.Add(new PaymentMethodChanged(order.Id, paymentMethod, by));
        if (deliveryCost is { } cost && cost != order.DeliveryCost)
        {
            if (cost < Money.Zero) throw new DomainException("The delivery cost cannot be negative.");
            var total = order.Total - order.DeliveryCost + cost;
            events.Add(new DeliveryCostChanged(order.Id, cost, total, costReason, by));
            events.AddRange(Overpaid(order, total, by));
        }
        return [.. events];
    }

    /// <summary>What an order holds can change only before the bouquet is assembled.</summary>
    public static void EnsureLinesEditable(Order order)
    {
        if (!BeforeAssembly(order.Status)) throw new DomainException($"Lines can only change before the bouquet is assembled; the order is '{order.Status.Name()}'.");
    }

    /// <summary>A line added before assembly, at the catalog's price; the total grows.</summary>
    public static object[] AddLine(Order order, OrderLine line, Origin by)
    {
        EnsureLinesEditable(order);
        if (line.Quantity <= 0) throw new DomainException("A line needs a positive quantity.");
        return [new OrderLineAdded(order.Id, line, order.Total + line.ItemTotal, by)];
    }

    /// <summary>A line removed before assembly; an order keeps at least one line. On a paid order the difference is offered back.</summary>
    public static object[] RemoveLine(Order order, int productId, Origin by)
    {
        EnsureLinesEditable(order);
        var lines = order.Lines.Where(l => l.ProductId == productId).ToList();
        if (lines.Count == 0) throw new DomainException($"The order has no line of product {productId}.");
        if (lines.Count == order.Lines.Count) throw new DomainException("An order keeps at least one line; cancel it instead.");
        var total = order.Total - lines.Aggregate(Money.Zero, (sum, l) => sum + l.ItemTotal);
        return [new OrderLineRemoved(order.Id, productId, lines[0].ProductName, total, by), .. Overpaid(order, total, by)];
    }

    public static object[] RemovePhoto(Order order, string url, string? reason, Origin by) =>
        order.PhotoUrls.Contains(url) ? [new OrderPhotoRemoved(order.Id, url, reason, by)] : throw new DomainException("The order has no such photo.");

    private static object[] Overpaid(Order order, Money newTotal, Origin by) =>
        order.Paid > newTotal ? [new RefundOffered(order.Id, order.Paid - newTotal, by)] : [];

    /// <summary>
    /// The system of record (Bitrix) reports new delivery details. It may change them at any stage; only what
    /// differs becomes an event.
    /// </summary>
    public static object[] ReportDetailsFromOutside(Order order, Recipient recipient, Delivery delivery, string? postcardText, Origin by) =>
        DetailChanges(order, recipient, delivery, postcardText, by);

    private static object[] DetailChanges(Order order, Recipient recipient, Delivery delivery, string? postcardText, Origin by)
    {
        var events = new List<object>();
        if (recipient != order.Recipient) events.Add(new RecipientChanged(order.Id, recipient, by));
        if (delivery != order.Delivery) events.Add(new DeliveryDetailsChanged(order.Id, delivery, by));
        if (postcardText != order.PostcardText) events.Add(new PostcardChanged(order.Id, postcardText, by));
        return [.. events];
    }

    /// <summary>An outside system reports the order paid. Paying never moves an order backwards, and is recorded once.</summary>
    public static object[] ReportPaidFromOutside(Order order, Origin by, string? reference) =>
        order.IsPaid || order.Status == OrderStatus.Cancelled ? [] : [new OrderPaid(order.Id, order.Total - order.Paid, reference, null, by)];

    /// <summary>Links the order to its Bitrix id once; a second, different id is refused.</summary>
    public static object[] LinkToBitrix(Order order, long bitrixOrderId, string? accountNumber, Origin by)
    {
        if (order.BitrixOrderId == bitrixOrderId) return [];
        if (order.BitrixOrderId is { } existing)
            throw new DomainException($"The order is already linked to Bitrix order {existing}, not {bitrixOrderId}.");
        return [new OrderLinkedToBitrix(order.Id, bitrixOrderId, accountNumber, by)];
    }

    public static object[] AssignResponsible(Order order, Guid userId, string userName, Origin by)
    {
        EnsureOpen(order);
        return order.ResponsibleId == userId ? [] : [new ResponsibleFloristAssigned(order.Id, userId, userName, by)];
    }

    public static object[] AssignCourier(Order order, Guid userId, string userName, Origin by)
    {
        EnsureOpen(order);
        return order.CourierId == userId ? [] : [new CourierAssigned(order.Id, userId, userName, by)];
    }

    /// <summary>Checked before the file is stored, so that a refused photo leaves no file behind.</summary>
    public static void EnsureAcceptsPhotos(Order order)
    {
        if (order.Status == OrderStatus.Cancelled) throw new DomainException("A cancelled order takes no photos.");
    }

    public static OrderPhotoAdded AddPhoto(Order order, string url, Origin by)
    {
        EnsureAcceptsPhotos(order);
        return new OrderPhotoAdded(order.Id, url, order.Status == OrderStatus.New ? "photo" : "assembled", by);
    }

    public static PhotoFeedbackGiven GiveFeedback(Order order, string feedback, string? comment, Origin by)
    {
        if (order.LatestPhotoUrl is null) throw new DomainException("There is no photo to give feedback on yet.");
        if (order.FeedbackGiven) throw new DomainException("Feedback on the photo has already been given.");
        return new PhotoFeedbackGiven(order.Id, feedback, comment, by);
    }

    private static void EnsureOpen(Order order)
    {
        if (OrderTransitions.IsTerminal(order.Status))
            throw new DomainException($"An order in status '{order.Status.Name()}' is closed.");
    }

    private static object StatusEvent(Order order, OrderStatus target, Origin by, string? note) => target switch
    {
        OrderStatus.Paid => new OrderPaid(order.Id, order.Total - order.Paid, null, note, by),
        OrderStatus.Accepted => new OrderAccepted(order.Id, note, by),
        OrderStatus.Assembled => new OrderAssembled(order.Id, order.LatestPhotoUrl, note, by),
        OrderStatus.InDelivery => new OrderOutForDelivery(order.Id, note, by),
        OrderStatus.Delivered => new OrderDelivered(order.Id, note, by),
        OrderStatus.Cancelled => new OrderCancelled(order.Id, string.IsNullOrWhiteSpace(note) ? "No reason given" : note, by),
        _ => throw new InvalidTransitionException(order.Status, target),
    };
}
