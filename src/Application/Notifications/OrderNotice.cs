using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using Cvety.Domain.Shops;
using Marten;

namespace Cvety.Application.Notifications;

public enum NoticeKind
{
    Placed,
    StatusChanged,
    Paid,
    BouquetPhoto,
    PaymentRequested,
    PaymentLink,
    PaymentFailed,
    RefundStarted,
    Refunded,
    RefundFailed,
    StatusConflict,
    SyncFailed,
}

/// <summary>
/// Something happened to an order that people should hear about. Published with the event that caused it (through
/// the outbox; a status change names the status reached in <see cref="Detail"/>); its handler decides who hears it and turns it into one <see cref="SendTelegram"/> per chat, so that
/// a retry of one chat's message never repeats another's.
/// </summary>
public sealed record OrderNotice(Guid OrderId, long Version, NoticeKind Kind, string? Detail = null, Money? Amount = null);

public static class OrderNoticeHandler
{
    public static async Task<IEnumerable<SendTelegram>> Handle(OrderNotice notice, IQuerySession session, TelegramOptions options, CancellationToken ct)
    {
        var order = await session.LoadAsync<OrderDetails>(notice.OrderId, ct);
        if (order is null || !options.Enabled) return [];
        var staff = options.StaffChatFor(order.ShopId);
        var customer = order.TelegramUserId;
        var messages = new List<SendTelegram>();
        void ToStaff(string text) { if (staff is { } chat) messages.Add(new SendTelegram(chat, text)); }
        void ToCustomer(string text, string? photo = null) { if (customer is { } chat) messages.Add(new SendTelegram(chat, text, photo)); }

        switch (notice.Kind)
        {
            case NoticeKind.Placed:
                var shop = await Shops.ShopStreams.FindAsync(session, order.ShopId, ct);
                ToStaff(TelegramTexts.NewOrder(order, shop?.City));
                ToCustomer(TelegramTexts.OrderReceived(order));
                break;
            case NoticeKind.StatusChanged:
                // The notice names the status reached; only the one before is folded from the stream.
                if (!OrderStatuses.TryParse(notice.Detail, out var to)) break;
                var before = notice.Version > 1 ? await session.Events.AggregateStreamAsync<Order>(order.Id, notice.Version - 1, token: ct) : null;
                var from = before?.Status ?? OrderStatus.New;
                ToStaff(TelegramTexts.StatusChangedForStaff(order, from, to));
                ToCustomer(TelegramTexts.StatusChangedForCustomer(order, from, to));
                break;
            case NoticeKind.Paid:
                ToStaff(TelegramTexts.PaymentReceivedForStaff(order, notice.Amount ?? order.PaidAmount));
                ToCustomer(TelegramTexts.PaymentReceivedForCustomer(order, notice.Amount ?? order.PaidAmount));
                break;
            case NoticeKind.BouquetPhoto:
                if (PublicUrl(options, notice.Detail) is { } photo) ToCustomer(TelegramTexts.BouquetPhotoCaption(order), photo);
                else ToCustomer(TelegramTexts.BouquetPhotoCaption(order));
                break;
            case NoticeKind.PaymentRequested:
                ToCustomer(TelegramTexts.PaymentRequested(order, notice.Amount ?? order.Total));
                break;
            case NoticeKind.PaymentLink:
                ToCustomer(TelegramTexts.PaymentLink(order, notice.Detail!, notice.Amount ?? order.Total));
                break;
            case NoticeKind.PaymentFailed:
                ToStaff(TelegramTexts.PaymentFailed(order, notice.Detail));
                break;
            case NoticeKind.RefundStarted:
                ToStaff(TelegramTexts.RefundStarted(order, notice.Amount ?? Money.Zero, notice.Detail));
                break;
            case NoticeKind.Refunded:
                ToStaff(TelegramTexts.RefundedForStaff(order, notice.Amount ?? Money.Zero));
                ToCustomer(TelegramTexts.RefundedForCustomer(order, notice.Amount ?? Money.Zero));
                break;
            case NoticeKind.RefundFailed:
                ToStaff(TelegramTexts.RefundFailed(order, notice.Amount ?? Money.Zero, notice.Detail));
                break;
            case NoticeKind.SyncFailed:
                ToStaff(TelegramTexts.SyncFailed(order, notice.Detail));
                break;
            case NoticeKind.StatusConflict:
                ToStaff(TelegramTexts.StatusConflict(order, notice.Detail));
                break;
        }
        return messages;
    }

    private static string? PublicUrl(TelegramOptions options, string? url) =>
        url is null ? null
        : Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? url
        : options.MediaBaseUrl is { } baseUrl ? baseUrl.TrimEnd('/') + "/" + url.TrimStart('/')
        : null;
}
