using Cvety.Application.Inventory;
using Cvety.Application.Notifications;
using Cvety.Application.Payments;
using Cvety.Domain.Orders;
using JasperFx.Events;

namespace Cvety.Application.Orders;

/// <summary>
/// What an order's events set going, whichever use case appended them: stock reservations, sales and releases,
/// payment requests and refunds to Kaspi, and notices for people. Raised by the inline <see cref="OrderDetailsProjection"/> as side effects, so the messages
/// are stored in Wolverine's outbox in the same transaction as the events (and never during a rebuild).
/// </summary>
public static class OrderReactions
{
    public static IEnumerable<object> To(IEvent e, OrderDetails order, bool notify)
    {
        var v = e.Version;
        switch (e.Data)
        {
            case OrderPlaced placed:
                yield return new ReserveStockForOrder(placed.OrderId);
                if (placed.PaymentMethod == "kaspi") yield return new RequestKaspiPayment(placed.OrderId);
                if (notify) yield return new OrderNotice(placed.OrderId, v, NoticeKind.Placed);
                break;
            case OrderPaid paid:
                if (notify) yield return new OrderNotice(paid.OrderId, v, NoticeKind.Paid, Amount: paid.Amount);
                break;
            case OrderCancelled cancelled:
                yield return new ReleaseStockForOrder(cancelled.OrderId);
                // The cancellation's event id names the refund, so asking twice refunds once.
                if (order.KaspiPaymentId is not null) yield return new RefundCancelledOrder(cancelled.OrderId, e.Id);
                if (notify) yield return new OrderNotice(cancelled.OrderId, v, NoticeKind.StatusChanged, OrderStatus.Cancelled.Name());
                break;
            case OrderAccepted or OrderAssembled or OrderOutForDelivery or OrderDelivered:
                if (e.Data is OrderAssembled) yield return new SellStockForOrder(order.Id);
                var reached = e.Data switch
                {
                    OrderAccepted => OrderStatus.Accepted,
                    OrderAssembled => OrderStatus.Assembled,
                    OrderOutForDelivery => OrderStatus.InDelivery,
                    _ => OrderStatus.Delivered,
                };
                if (notify) yield return new OrderNotice(order.Id, v, NoticeKind.StatusChanged, reached.Name());
                break;
            case OrderPhotoAdded { Label: "assembled" } photo:
                if (notify) yield return new OrderNotice(photo.OrderId, v, NoticeKind.BouquetPhoto, photo.Url);
                break;
            case KaspiPaymentCreated created:
                if (notify) yield return new OrderNotice(created.OrderId, v, NoticeKind.PaymentRequested, Amount: created.Amount);
                break;
            case KaspiPaymentLinkCreated link:
                if (notify) yield return new OrderNotice(link.OrderId, v, NoticeKind.PaymentLink, link.Url, link.Amount);
                break;
            case KaspiPaymentStatusReported reported when KaspiStatuses.Classify(reported.Status) == KaspiOutcome.Failed:
                if (notify) yield return new OrderNotice(reported.OrderId, v, NoticeKind.PaymentFailed, reported.Status);
                break;
            case KaspiPaymentRequestFailed failed:
                if (notify) yield return new OrderNotice(failed.OrderId, v, NoticeKind.PaymentFailed, failed.Error);
                break;
            case RefundRequested refund:
                yield return new RefundKaspiPayment(refund.OrderId, refund.RefundId);
                if (notify) yield return new OrderNotice(refund.OrderId, v, NoticeKind.RefundStarted, refund.Reason, refund.Amount);
                break;
            case OrderRefunded refunded:
                if (notify) yield return new OrderNotice(refunded.OrderId, v, NoticeKind.Refunded, Amount: refunded.Amount);
                break;
            case RefundFailed failed:
                if (notify) yield return new OrderNotice(failed.OrderId, v, NoticeKind.RefundFailed, failed.Error, failed.Amount);
                break;
            case OrderStatusConflictRecorded conflict:
                if (notify) yield return new OrderNotice(conflict.OrderId, v, NoticeKind.StatusConflict,
                    $"У нас: {TelegramTexts.StatusName(conflict.Current)}, источник сообщает: {TelegramTexts.StatusName(conflict.Reported)}");
                break;
        }
    }
}
