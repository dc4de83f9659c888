using Cvety.Application.Clients;
using Cvety.Application.Orders;
using Cvety.Domain.Orders;

namespace Cvety.Api.Legacy;

/// <summary>
/// Field by field, what the legacy clients read from Cvety's read models (<c>../shared/reference/legacy-answers.md</c>),
/// and the few places where the legacy shape of a field wins over Cvety's. The contract tests in
/// <c>tests/Cvety.IntegrationTests/Legacy/LegacyAnswers.cs</c> read the answers along the same paths.
/// </summary>
public static class LegacyShapes
{
    public static LegacyNames Register(LegacyNames names)
    {
        // OrderRead: camelCase among snake_case (orderNumber, customerName, phone), naive times, Kaspi's three states.
        names.For<OrderDetails>()
            .Add("orderNumber", o => o.OrderNumber)
            .Add("customerName", o => o.CustomerName)
            .Add("phone", o => o.CustomerPhone)
            .Replace("delivery_date", o => LegacyOrders.DeliveryDate(o.DeliveryDate, o.DeliveryFrom))
            .Add("delivery_day", o => o.DeliveryDate)
            .Replace("telegram_user_id", o => o.TelegramUserId?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("bonus_points", o => o.BonusPoints ?? 0)
            .Replace("kaspi_payment_status", o => LegacyOrders.KaspiStatus(o.KaspiPaymentStatus))
            .Add("kaspi_payment_state", o => o.KaspiPaymentStatus)
            .Add("assigned_to_name", o => o.ResponsibleName)
            .Add("order_comment", _ => (string?)null)
            .Replace("shop_name", o => o.ShopName);
        names.For<Cvety.Domain.Products.Product>()
            .Replace("shop_name", p => p.ShopName);
        names.For<OrderReceipt>()
            .Replace("delivery_date", o => LegacyOrders.DeliveryDate(o.DeliveryDate, o.DeliveryFrom))
            .Add("delivery_day", o => o.DeliveryDate)
            .Replace("kaspi_payment_status", o => LegacyOrders.KaspiStatus(o.KaspiPaymentStatus));
        names.For<OrderItemView>()
            .Add("id", i => i.ProductId);
        names.For<OrderPhotoView>()
            .Add("photo_url", p => p.Url)
            .Add("photo_type", _ => "assembly")
            .Add("client_feedback", p => p.Feedback)
            .Add("client_comment", p => p.Comment)
            .Add("uploaded_at", p => p.AddedAt);
        names.For<OrderHistoryRow>()
            .Convert("changed_at", new LegacyTime.WithOffsetConverter());

        // The public tracking answer: the shop SPA's timeline words, the line total as an item's price.
        names.For<PublicOrderView>()
            .Replace("status", v => LegacyOrders.TrackingStatus(v.Status))
            .Add("order_status", v => v.Status)
            .Replace("kaspi_payment_status", v => LegacyOrders.KaspiStatus(v.KaspiPaymentStatus))
            .Add("photo_feedback", v => v.Photos.Count > 0 ? v.Photos[0].Feedback : null)
            .Add("photo_feedback_comment", v => v.Photos.Count > 0 ? v.Photos[0].Comment : null);
        names.For<PublicItem>()
            .Replace("price", i => i.Price * i.Quantity)
            .Add("unit_price", i => i.Price);

        // Clients: customerName (camel), money in tiyn, customer_since as DD.MM.YYYY; the telegram_user_id a string.
        names.For<ClientCard>()
            .Add("customerName", c => c.Name)
            .Replace("telegram_user_id", c => c.TelegramUserId?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("total_orders", c => c.OrdersCount)
            .Add("total_spent", c => c.OrdersTotal)
            .Add("average_order", c => c.OrdersCount == 0 ? 0 : c.OrdersTotal / c.OrdersCount)
            .Add("first_order_date", c => c.FirstOrderAt)
            .Add("last_order_date", c => c.LastOrderAt)
            .Replace("last_order_status", c => c.LastOrderStatus)
            .Add("customer_since", c => LegacyTime.Day(c.FirstOrderAt is { } first && first < c.CreatedAt ? first : c.CreatedAt));
        names.For<ClientDetails>()
            .Add("customerName", d => d.Client.Name)
            .Add("total_orders", d => d.Statistics.OrdersCount)
            .Add("total_spent", d => d.Statistics.TotalSpent)
            .Add("average_order", d => d.Statistics.AverageOrder)
            .Add("first_order_date", d => d.Statistics.FirstOrderAt)
            .Add("last_order_date", d => d.Statistics.LastOrderAt)
            .Add("customer_since", d => LegacyTime.Day(d.Statistics.FirstOrderAt is { } first && first < d.Client.CreatedAt ? first : d.Client.CreatedAt));
        names.For<ClientOrder>()
            .Replace("delivery_date", o => LegacyOrders.DeliveryDate(o.DeliveryDate, o.DeliveryFrom))
            .Add("delivery_day", o => o.DeliveryDate);
        return names;
    }
}

/// <summary>The legacy meanings of an order's fields that are more than a rename.</summary>
public static class LegacyOrders
{
    /// <summary>
    /// The delivery as the admin SPA reads <c>delivery_date</c>: a naive UTC time to which it appends <c>Z</c>. Cvety
    /// keeps the day and the window in the shop's time; the window's start is the time, noon when none is known, so that
    /// the day is right in every zone (ADR 0024).
    /// </summary>
    public static string? DeliveryDate(DateOnly? day, TimeOnly? from) =>
        DeliveryDateInput.LegacyMoment(day, from?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), LegacyTime.Offset) is { } moment
            ? LegacyTime.NaiveUtc(moment) : null;

    /// <summary>The legacy tracking page's words: confirmed, preparing, delivering; and its last step, delivered, and cancelled (ADR 0024).</summary>
    public static string TrackingStatus(string status) => OrderStatuses.TryParse(status, out var s)
        ? s switch
        {
            OrderStatus.New or OrderStatus.Paid => "confirmed",
            OrderStatus.Accepted or OrderStatus.Assembled => "preparing",
            OrderStatus.InDelivery => "delivering",
            OrderStatus.Delivered => "delivered",
            _ => "cancelled",
        }
        : "confirmed";

    /// <summary>Kaspi's own states as Kaspi reported them; Cvety's "the request never reached Kaspi" is Error to a legacy client.</summary>
    public static string? KaspiStatus(string? status) => status == "RequestFailed" ? "Error" : status;
}
