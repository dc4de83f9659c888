using Cvety.Domain.Common;

namespace Cvety.Api.Pages.Admin;

/// <summary>The Russian names people read for the API's vocabularies: statuses, roles, sources, events, stock operations, payments, product types.</summary>
public static partial class Ui
{
    public static string Status(string status) => status switch
    {
        "new" => "Новый",
        "paid" => "Оплачен",
        "accepted" => "Принят",
        "assembled" => "Собран",
        "in_delivery" => "В доставке",
        "delivered" => "Доставлен",
        "cancelled" => "Отменён",
        _ => status,
    };

    public static string RoleName(string? role) => role switch
    {
        "SUPERADMIN" => "суперадмин",
        "DIRECTOR" => "директор",
        "MANAGER" => "менеджер",
        "FLORIST" => "флорист",
        "COURIER" => "курьер",
        _ => role ?? "",
    };

    public static string Source(string source) => source switch
    {
        Sources.Admin => "сотрудник",
        Sources.Customer or Sources.Web or Sources.Telegram => "клиент",
        Sources.Bitrix => "Bitrix",
        Sources.Kaspi => "Kaspi",
        Sources.LegacyImport => "старая система",
        Sources.Mcp => "ИИ-ассистент",
        _ => "система",
    };

    private static readonly Dictionary<string, string> Events = new()
    {
        ["order_placed"] = "Заказ оформлен",
        ["order_paid"] = "Оплачен",
        ["order_accepted"] = "Принят",
        ["order_assembled"] = "Собран",
        ["order_out_for_delivery"] = "Передан в доставку",
        ["order_delivered"] = "Доставлен",
        ["order_cancelled"] = "Отменён",
        ["order_refunded"] = "Возврат",
        ["refund_requested"] = "Запрошен возврат",
        ["refund_offered"] = "Предложен возврат",
        ["order_note_added"] = "Заметка",
        ["order_photo_added"] = "Фото букета",
        ["order_photo_removed"] = "Фото убрано",
        ["order_linked_to_bitrix"] = "Связан с Bitrix",
        ["order_status_conflict_recorded"] = "Конфликт статуса с Bitrix",
        ["order_line_added"] = "Добавлена позиция",
        ["order_line_removed"] = "Убрана позиция",
        ["customer_changed"] = "Изменён клиент",
        ["recipient_changed"] = "Изменён получатель",
        ["delivery_details_changed"] = "Изменена доставка",
        ["delivery_cost_changed"] = "Изменена стоимость доставки",
        ["postcard_changed"] = "Изменена открытка",
        ["payment_method_changed"] = "Изменён способ оплаты",
        ["courier_assigned"] = "Назначен курьер",
        ["responsible_florist_assigned"] = "Назначен флорист",
        ["order_state_taken_over"] = "Статус перенесён из старой системы",
        ["order_personal_data_erased"] = "Личные данные клиента удалены",
    };

    /// <summary>An event's name for people; the technical name stays beside it on the audit panel.</summary>
    public static string Event(string type) => Events.GetValueOrDefault(type, type);

    public static string Operation(string operation) => operation switch
    {
        "delivery" => "Поставка",
        "writeoff" => "Списание",
        "inventory" => "Инвентаризация",
        "sale" => "Продажа",
        "reserve" or "reservation" => "Резерв",
        "release" => "Снят резерв",
        "price_change" => "Цена",
        "min_quantity" => "Минимум",
        "created" => "Создана",
        "archived" => "В архиве",
        "photo" => "Фото",
        "rename" => "Переименована",
        _ => operation,
    };

    /// <summary>A queued message's type as people know the delivery it makes ("Cvety.Application.Bitrix.SendOrderToBitrix").</summary>
    public static string MessageName(string? type)
    {
        var shortName = type is null ? "—" : type.Split(',')[0].Split('.')[^1];
        return shortName switch
        {
            var n when n.Contains("Bitrix", StringComparison.Ordinal) => "Bitrix: " + n,
            var n when n.Contains("Kaspi", StringComparison.Ordinal) => "Kaspi: " + n,
            var n when n.Contains("Telegram", StringComparison.Ordinal) => "Telegram: " + n,
            var n => n,
        };
    }

    public static string Payment(string? method) => method switch
    {
        "kaspi" => "Kaspi",
        "cash" => "наличные",
        "card" => "карта",
        null => "—",
        _ => method,
    };

    public static string RefundStatus(Domain.Orders.RefundStatus status, string? error) => status switch
    {
        Domain.Orders.RefundStatus.Pending => "отправлен в Kaspi",
        Domain.Orders.RefundStatus.Refunded => "выполнен",
        _ => "не прошёл: " + error,
    };

    public static string ProductType(string type) => type switch
    {
        "flowers" => "цветы",
        "sweets" => "сладости",
        "fruits" => "фрукты",
        "gifts" => "подарки",
        "vitrina" => "витрина",
        "catalog" => "каталог",
        _ => type,
    };
}
