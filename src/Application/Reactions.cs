using System.Security.Cryptography;
using System.Text;
using Cvety.Application.Bitrix;
using Cvety.Application.Inventory;
using Cvety.Application.Notifications;
using Cvety.Application.Orders;
using Cvety.Application.Search;
using Cvety.Domain.Products;
using Cvety.Application.Payments;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using Wolverine;

namespace Cvety.Application;

/// <summary>
/// The one place that decides what leaves the process because of events, whichever use case decided them. For orders:
/// stock reservations, sales and releases; payment requests and refunds to Kaspi; the order and its statuses to Bitrix;
/// notices for people on Telegram. For products: photo embeddings, the photo index, and staff edits to Bitrix.
/// No handler calls it: Marten calls it from the inline projections of orders and products as it applies the events
/// being committed (<see cref="OrderDetailsProjection"/>, <see cref="Products.ProductProjection"/>: projection side
/// effects), and Wolverine's outbox stores the messages in the same transaction as the events. A projection rebuild
/// raises no side effects, so it sends nothing; imported history sets nothing going. See docs/decisions/0020 and 0029.
/// </summary>
public sealed class Reactions(BitrixOptions bitrix, TelegramOptions telegram)
{
    /// <summary>
    /// What <paramref name="events"/> (with their stream versions), just appended to an order, set going, read against
    /// the order as it stands with them (<paramref name="order"/>).
    /// </summary>
    public OutgoingMessages ToOrder(OrderState order, IReadOnlyList<(object Data, long Version)> events)
    {
        var messages = new OutgoingMessages();
        var notify = telegram.Enabled;
        var bitrixStatusSent = false;
        foreach (var (data, v) in events)
        {
            if (Imported(data)) continue;
            switch (data)
            {
                case OrderPlaced placed:
                    messages.Add(new ReserveStockForOrder(placed.OrderId));
                    if (placed.PaymentMethod == PaymentMethod.Kaspi) messages.Add(new RequestKaspiPayment(placed.OrderId));
                    if (ToBitrix(placed.ShopId, placed.By)) messages.Add(new CreateOrderInBitrix(placed.OrderId));
                    if (notify) messages.Add(new OrderNotice(placed.OrderId, v, NoticeKind.Placed));
                    break;
                case OrderPaid paid:
                    if (notify) messages.Add(new OrderNotice(paid.OrderId, v, NoticeKind.Paid, Amount: paid.Amount));
                    break;
                case OrderCancelled cancelled:
                    messages.Add(new ReleaseStockForOrder(cancelled.OrderId));
                    if (order.HasKaspiPayment) messages.Add(new RefundCancelledOrder(cancelled.OrderId, RefundCancelledOrder.IdFor(cancelled.OrderId)));
                    StatusToBitrix(cancelled.OrderId, cancelled.By);
                    if (notify) messages.Add(new OrderNotice(cancelled.OrderId, v, NoticeKind.StatusChanged, OrderStatus.Cancelled.Name()));
                    break;
                case OrderAccepted or OrderAssembled or OrderOutForDelivery or OrderDelivered:
                    var (orderId, by, reached) = data switch
                    {
                        OrderAccepted e => (e.OrderId, e.By, OrderStatus.Accepted),
                        OrderAssembled e => (e.OrderId, e.By, OrderStatus.Assembled),
                        OrderOutForDelivery e => (e.OrderId, e.By, OrderStatus.InDelivery),
                        OrderDelivered e => (e.OrderId, e.By, OrderStatus.Delivered),
                        _ => throw new InvalidOperationException(),
                    };
                    if (reached == OrderStatus.Assembled) messages.Add(new SellStockForOrder(orderId));
                    StatusToBitrix(orderId, by);
                    if (notify) messages.Add(new OrderNotice(orderId, v, NoticeKind.StatusChanged, reached.Name()));
                    break;
                case OrderLineAdded or OrderLineRemoved:
                    var changed = data is OrderLineAdded added ? (added.OrderId, added.Total) : (((OrderLineRemoved)data).OrderId, ((OrderLineRemoved)data).Total);
                    messages.Add(new ReconcileStockForOrder(changed.OrderId));
                    AskForRemainder(changed.OrderId, changed.Total);
                    break;
                case DeliveryCostChanged cost:
                    AskForRemainder(cost.OrderId, cost.Total);
                    break;
                case OrderPhotoAdded { Label: "assembled" } photo:
                    if (notify) messages.Add(new OrderNotice(photo.OrderId, v, NoticeKind.BouquetPhoto, photo.Url));
                    break;
                case KaspiPaymentCreated created:
                    if (notify) messages.Add(new OrderNotice(created.OrderId, v, NoticeKind.PaymentRequested, Amount: created.Amount));
                    break;
                case KaspiPaymentLinkCreated link:
                    if (notify) messages.Add(new OrderNotice(link.OrderId, v, NoticeKind.PaymentLink, link.Url, link.Amount));
                    break;
                case KaspiPaymentStatusReported reported when KaspiStatuses.Classify(reported.Status) == KaspiOutcome.Failed:
                    if (notify) messages.Add(new OrderNotice(reported.OrderId, v, NoticeKind.PaymentFailed, reported.Status));
                    break;
                case KaspiPaymentRequestFailed failed:
                    if (notify) messages.Add(new OrderNotice(failed.OrderId, v, NoticeKind.PaymentFailed, failed.Error));
                    break;
                case RefundRequested refund:
                    messages.Add(new RefundKaspiPayment(refund.OrderId, refund.RefundId));
                    if (notify) messages.Add(new OrderNotice(refund.OrderId, v, NoticeKind.RefundStarted, refund.Reason, refund.Amount));
                    break;
                case OrderRefunded refunded:
                    if (notify) messages.Add(new OrderNotice(refunded.OrderId, v, NoticeKind.Refunded, Amount: refunded.Amount));
                    break;
                case RefundFailed failed:
                    if (notify) messages.Add(new OrderNotice(failed.OrderId, v, NoticeKind.RefundFailed, failed.Error, failed.Amount));
                    break;
                case OrderStatusConflictRecorded conflict:
                    if (notify) messages.Add(new OrderNotice(conflict.OrderId, v, NoticeKind.StatusConflict,
                        $"У нас: {TelegramTexts.StatusName(conflict.Current)}, источник сообщает: {TelegramTexts.StatusName(conflict.Reported)}"));
                    break;
            }
        }
        return messages;

        // A paid Kaspi order whose total grew is asked for the difference with a payment link, never charged silently.
        void AskForRemainder(Guid orderId, Money total)
        {
            if (order.IsPaid && order.PaymentMethod == PaymentMethod.Kaspi && total > order.Paid && !messages.Any(m => m is RequestRemainderPayment))
                messages.Add(new RequestRemainderPayment(orderId));
        }

        // Bitrix learns a status once per decision, however many steps it took; it reads the order's status when it sends.
        void StatusToBitrix(Guid orderId, Origin by)
        {
            if (bitrixStatusSent || !ToBitrix(order.ShopId, by)) return;
            messages.Add(new ChangeStatusInBitrix(orderId));
            bitrixStatusSent = true;
        }
    }

    /// <summary>
    /// What a product's events set going: one message of each kind per decision, however many events it holds (each
    /// carries only the id; its handler reads the latest state). <paramref name="bitrixId"/> is the product's Bitrix id.
    /// </summary>
    public OutgoingMessages ToProduct(int productId, int shopId, long? bitrixId, IReadOnlyList<object> events)
    {
        var messages = new OutgoingMessages();
        events = [.. events.Where(e => !Imported(e))];
        if (events.Any(e => e is ProductImagesChanged)) messages.Add(new EmbedProductImage(productId));
        if (events.Any(e => e is ProductAvailabilityChanged or ProductUpdated or ProductArchived)) messages.Add(new RefreshProductVector(productId));
        if (bitrixId is not null && events.Any(e => e is ProductUpdated or ProductAvailabilityChanged or ProductImagesChanged && ToBitrix(shopId, ((IProductEvent)e).By)))
            messages.Add(new UpdateProductInBitrix(productId));
        return messages;
    }

    /// <summary>
    /// Bitrix hears of changes to the Bitrix shop's orders and products when outbound sync is configured; a change that
    /// came from Bitrix is never sent back to Bitrix. This is the only place that rule is written.
    /// </summary>
    private bool ToBitrix(int shopId, Origin by) => bitrix.OutboundEnabled && shopId == bitrix.ShopId && by.Source != Sources.Bitrix;

    /// <summary>
    /// History brought across from the legacy backend happened there: its orders were reserved, paid, sent to Bitrix and
    /// announced at the time, so importing them sets nothing going.
    /// </summary>
    private static bool Imported(object e) => e is IOrderEvent { By.Source: Sources.LegacyImport } or IProductEvent { By.Source: Sources.LegacyImport };
}

/// <summary>What <see cref="Reactions"/> reads of an order: its state with the events being committed applied.</summary>
public sealed record OrderState(int ShopId, PaymentMethod PaymentMethod, bool IsPaid, Money Paid, bool HasKaspiPayment)
{
    public static OrderState Of(OrderDetails d) => new(d.ShopId, d.PaymentMethod, d.IsPaid, d.PaidAmount, d.KaspiPaymentId is not null);
}
