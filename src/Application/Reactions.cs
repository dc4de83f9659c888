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
using JasperFx.Events;
using Marten;
using Wolverine;

namespace Cvety.Application;

/// <summary>
/// The one place that decides what leaves the process because of events, whichever use case decided them. For orders:
/// stock reservations, sales and releases; payment requests and refunds to Kaspi; the order and its statuses to Bitrix;
/// notices for people on Telegram. For products: photo embeddings, the photo index, and staff edits to Bitrix.
/// No handler calls it: <see cref="RaiseReactionsOnCommit"/> hands it every stream a Marten session is about to
/// commit, and what it answers is stored by Wolverine's outbox in that same transaction. It reads only the events
/// and the shop they belong to; a message whose outcome depends on the order's state (a refund after a cancellation,
/// the remainder of a grown total) is sent, and its handler decides on the state it loads. A projection rebuild
/// commits no new events, so it sends nothing; imported history sets nothing going. See docs/decisions/0029.
/// </summary>
public sealed class Reactions(BitrixOptions bitrix, TelegramOptions telegram)
{
    /// <summary>What the events of one session's commit to one stream of shop <paramref name="shopId"/> set going.</summary>
    public OutgoingMessages ToStream(int shopId, IReadOnlyList<(object Data, long Version)> events) => events.Count == 0 ? [] : events[0].Data switch
    {
        IOrderEvent => ToOrder(shopId, events),
        IProductEvent product => ToProduct(product.ProductId, shopId, [.. events.Select(e => e.Data)]),
        _ => [],
    };

    /// <summary>What <paramref name="events"/> (with their stream versions), appended to an order of shop <paramref name="shopId"/>, set going.</summary>
    public OutgoingMessages ToOrder(int shopId, IReadOnlyList<(object Data, long Version)> events)
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
                    // Refunds what Kaspi received, if anything (its handler decides on the order as it is).
                    messages.Add(new RefundCancelledOrder(cancelled.OrderId, RefundCancelledOrder.IdFor(cancelled.OrderId)));
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
                    var changed = (IOrderEvent)data;
                    messages.Add(new ReconcileStockForOrder(changed.OrderId));
                    AskForRemainder(changed.OrderId);
                    break;
                case DeliveryCostChanged cost:
                    AskForRemainder(cost.OrderId);
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

        // A paid Kaspi order whose total grew is asked for the difference with a payment link, never charged silently;
        // whether it was paid through Kaspi and owes more, its handler reads from the order.
        void AskForRemainder(Guid orderId)
        {
            if (!messages.Any(m => m is RequestRemainderPayment)) messages.Add(new RequestRemainderPayment(orderId));
        }

        // Bitrix learns a status once per decision, however many steps it took; it reads the order's status when it sends.
        void StatusToBitrix(Guid orderId, Origin by)
        {
            if (bitrixStatusSent || !ToBitrix(shopId, by)) return;
            messages.Add(new ChangeStatusInBitrix(orderId));
            bitrixStatusSent = true;
        }
    }

    /// <summary>
    /// What a product's events set going: one message of each kind per decision, however many events it holds (each
    /// carries only the id; its handler reads the latest state, and Bitrix hears only of a product linked to Bitrix).
    /// </summary>
    public OutgoingMessages ToProduct(int productId, int shopId, IReadOnlyList<object> events)
    {
        var messages = new OutgoingMessages();
        events = [.. events.Where(e => !Imported(e))];
        if (events.Any(e => e is ProductImagesChanged)) messages.Add(new EmbedProductImage(productId));
        if (events.Any(e => e is ProductAvailabilityChanged or ProductUpdated or ProductArchived)) messages.Add(new RefreshProductVector(productId));
        if (events.Any(e => e is ProductUpdated or ProductAvailabilityChanged or ProductImagesChanged && ToBitrix(shopId, ((IProductEvent)e).By)))
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

/// <summary>
/// Where <see cref="Reactions"/> are derived, for every session whichever use case opened it: as Marten commits a
/// session, after its events have their versions and before anything is written, each stream's new events go to
/// <see cref="Reactions"/> and the messages into the session's outbox (Marten's message sink, which Wolverine
/// provides: the envelopes are written in the same transaction and sent once it commits).
/// </summary>
public sealed class RaiseReactionsOnCommit(Reactions reactions) : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        IMessageSink? sink = null;
        foreach (var stream in session.PendingChanges.Streams())
        {
            var tenant = stream.TenantId ?? session.TenantId;
            var shopId = int.TryParse(tenant, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0;
            var messages = reactions.ToStream(shopId, [.. stream.Events.Select(e => (e.Data, e.Version))]);
            if (messages.Count == 0) continue;
            sink ??= await ((IStorageOperations)session).GetOrStartMessageSink().ConfigureAwait(false);
            foreach (var message in messages) await sink.PublishAsync(message, tenant).ConfigureAwait(false);
        }
    }
}
