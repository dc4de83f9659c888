using System.Globalization;
using System.Text;
using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;

namespace Cvety.Application.Notifications;

/// <summary>
/// What people read in Telegram, in Russian, modelled on the old admin messages (shared/reference/telegram.md):
/// HTML, phones masked, money in tenge. Everything taken from an order is HTML-escaped.
/// </summary>
public static class TelegramTexts
{
    private static readonly NumberFormatInfo Tenge = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = "," };

    public static string Money(Money amount) => (amount.Tiyn / 100m).ToString("#,0.##", Tenge) + " ₸";

    public static string StatusName(OrderStatus status) => status switch
    {
        OrderStatus.New => "🆕 Новый",
        OrderStatus.Paid => "💳 Оплачен",
        OrderStatus.Accepted => "✅ Принят",
        OrderStatus.Assembled => "💐 Собран",
        OrderStatus.InDelivery => "🚚 В доставке",
        OrderStatus.Delivered => "🎉 Доставлен",
        OrderStatus.Cancelled => "❌ Отменён",
        _ => status.Name(),
    };

    private static string Plain(OrderStatus status) => StatusName(status)[(StatusName(status).IndexOf(' ') + 1)..];

    public static string NewOrder(OrderDetails o, string? city)
    {
        var text = new StringBuilder()
            .AppendLine("📦 <b>Новый заказ</b>")
            .AppendLine($"🆔 Заказ: #{E(o.OrderNumber)}")
            .AppendLine($"📋 Статус: {StatusName(OrderStatus.New)}")
            .AppendLine($"👤 Получатель: {Mask(o.RecipientPhone ?? o.CustomerPhone)}");
        if (o.DeliveryType == DeliveryType.Pickup) text.AppendLine("🏪 Тип: Самовывоз");
        else
        {
            text.AppendLine("🚚 Тип: Доставка");
            if (!string.IsNullOrWhiteSpace(city)) text.AppendLine($"📍 Город: {E(city)}");
            if (!string.IsNullOrWhiteSpace(o.DeliveryAddress)) text.AppendLine($"🏠 Адрес: {E(Shorten(o.DeliveryAddress, 50))}");
        }
        return text.Append($"💰 Сумма: {Money(o.Total)}").ToString();
    }

    public static string OrderReceived(OrderDetails o) =>
        $"🌷 <b>Заказ #{E(o.OrderNumber)} принят</b>\nСумма: {Money(o.Total)}\nТрек-номер для отслеживания: <code>{E(o.TrackingId)}</code>\nМы напишем, когда статус изменится.";

    public static string StatusChangedForStaff(OrderDetails o, OrderStatus from, OrderStatus to) =>
        $"🔄 <b>Статус изменен</b>\n🆔 Заказ: #{E(o.OrderNumber)}\n📋 Статус: {Plain(from)} → {Plain(to)}\n👤 Получатель: {Mask(o.RecipientPhone ?? o.CustomerPhone)}"
        + (to == OrderStatus.Cancelled && o.CancelReason is { } reason ? $"\n📝 Причина: {E(reason)}" : "");

    public static string StatusChangedForCustomer(OrderDetails o, OrderStatus from, OrderStatus to) =>
        $"🔄 <b>Статус вашего заказа изменен</b>\n🆔 Заказ: #{E(o.OrderNumber)}\n📋 Статус: {Plain(from)} → {Plain(to)}";

    public static string PaymentReceivedForStaff(OrderDetails o, Money amount) =>
        $"💳 <b>Оплата получена</b>\n🆔 Заказ: #{E(o.OrderNumber)}\n💰 Сумма: {Money(amount)}";

    public static string PaymentReceivedForCustomer(OrderDetails o, Money amount) =>
        $"💳 <b>Оплата получена</b>\nСпасибо! Заказ #{E(o.OrderNumber)} оплачен: {Money(amount)}.";

    public static string BouquetPhotoCaption(OrderDetails o) => $"💐 Ваш букет по заказу #{E(o.OrderNumber)} собран. Вот как он выглядит.";

    public static string PaymentRequested(OrderDetails o, Money amount) =>
        $"💳 Счёт на оплату заказа #{E(o.OrderNumber)} на сумму {Money(amount)} отправлен в приложение Kaspi.kz. Подтвердите оплату там.";

    public static string PaymentLink(OrderDetails o, string url, Money amount) =>
        $"💳 Оплатите заказ #{E(o.OrderNumber)} ({Money(amount)}) по ссылке Kaspi: {E(url)}";

    public static string PaymentFailed(OrderDetails o, string? detail) =>
        $"⚠️ <b>Оплата не прошла</b>\n🆔 Заказ: #{E(o.OrderNumber)}\n📋 Kaspi: {E(detail ?? "ошибка")}\n👤 Клиент: {Mask(o.CustomerPhone)}\nНужно связаться с клиентом.";

    public static string RefundStarted(OrderDetails o, Money amount, string? reason) =>
        $"↩️ <b>Возврат оформлен</b>\n🆔 Заказ: #{E(o.OrderNumber)}\n💰 Сумма: {Money(amount)}\n📝 Причина: {E(Reason(reason))}";

    public static string RefundedForStaff(OrderDetails o, Money amount) =>
        $"✅ <b>Возврат выполнен</b>\n🆔 Заказ: #{E(o.OrderNumber)}\n💰 Сумма: {Money(amount)}";

    public static string RefundedForCustomer(OrderDetails o, Money amount) =>
        $"↩️ По заказу #{E(o.OrderNumber)} вам возвращено {Money(amount)}. Деньги поступят на счёт Kaspi.";

    public static string RefundFailed(OrderDetails o, Money amount, string? error) =>
        $"⚠️ <b>Возврат не выполнен</b>\n🆔 Заказ: #{E(o.OrderNumber)}\n💰 Сумма: {Money(amount)}\n📋 Kaspi: {E(error ?? "ошибка")}\nНужна проверка.";

    public static string StatusConflict(OrderDetails o, string? detail) =>
        $"⚠️ <b>Расхождение статуса с Bitrix</b>\n🆔 Заказ: #{E(o.OrderNumber)}\n📋 {E(detail ?? "")}\nСтатус не изменён, нужна проверка.";

    public static string SyncFailed(OrderDetails o, string? detail) =>
        $"⚠️ <b>Заказ не передан в Bitrix</b>\n🆔 Заказ: #{E(o.OrderNumber)}\n📋 {E(Shorten(detail ?? "", 300))}\nПопытки исчерпаны; после проверки повторите отправку (раздел dead letters).";

    /// <summary>The reasons the system itself gives, in Russian; what staff typed stays as typed.</summary>
    private static string Reason(string? reason) => reason switch
    {
        null => "не указана",
        "The order was cancelled" => "заказ отменён",
        "The payment completed after the order was cancelled" => "оплата пришла после отмены заказа",
        "The order was already paid" => "заказ уже был оплачен",
        _ => reason,
    };

    private static string Mask(string? phone) => PhoneNumber.TryParse(phone, out var p) ? p.Masked() : "—";

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "...";

    private static string E(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
