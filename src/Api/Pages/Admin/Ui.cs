using Cvety.Domain.Users;
using System.Globalization;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Cvety.Api.Pages.Admin;

/// <summary>How the staff screens write things for people: Russian words, tenge with thin-space thousands, shop time.</summary>
public static class Ui
{
    public const string Scheme = "CvetyUi";

    private static readonly NumberFormatInfo Tenge = new() { NumberGroupSeparator = "\u202F", NumberDecimalSeparator = "," };

    public static string Money(Money amount) => (amount.Tiyn / 100m).ToString("#,0.##", Tenge) + "\u00A0₸";

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

    /// <summary>Whether the signed-in person's role holds <paramref name="permission"/> (the one table, <see cref="Permissions"/>): the forms only they see.</summary>
    public static bool May(System.Security.Claims.ClaimsPrincipal user, Permission permission) =>
        Permissions.Table[permission].Any(role => user.IsInRole(role.Name()));

    public static string RoleName(string? role) => role switch
    {
        "SUPERADMIN" => "суперадмин",
        "DIRECTOR" => "директор",
        "MANAGER" => "менеджер",
        "FLORIST" => "флорист",
        "COURIER" => "курьер",
        _ => role ?? "",
    };

    /// <summary>Who made a change, as people know them: a team member's name and role, else the role, else the system it came from.</summary>
    public static string Person(IReadOnlyDictionary<string, string> names, string actor, string? role, string source)
    {
        var who = names.TryGetValue(actor, out var name) ? $"{name} ({RoleName(role)})" : role is not null ? RoleName(role) : Source(source);
        // An assistant acting for a member of staff: the person, and that it was done through the assistant.
        return source == Sources.Mcp && (role is not null || names.ContainsKey(actor)) ? who + ", через ИИ-ассистента" : who;
    }

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

    public static string Time(DateTimeOffset at, TimeSpan offset) => at.ToOffset(offset).ToString("dd.MM HH:mm", CultureInfo.InvariantCulture);

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

    public static string RefundStatus(string status, string? error) => status switch
    {
        "pending" => "отправлен в Kaspi",
        "refunded" => "выполнен",
        "failed" => "не прошёл: " + error,
        _ => status,
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

    /// <summary>Where a refusal's own words (the use case's, in English) wait for the next page, beside the Russian message.</summary>
    public const string DetailKey = "MessageDetail";

    /// <summary>
    /// Runs a change from a screen and says in one line, in Russian, what happened: the done text, or why the use case
    /// refused (a stale page, a role, invalid input, a rule); the use case's own words go to <see cref="DetailKey"/>.
    /// Anything else is a fault and is not hidden.
    /// </summary>
    public static async Task<string> TryAsync(ITempDataDictionary tempData, Func<Task> change, string done)
    {
        try
        {
            await change();
            return done;
        }
        catch (Exception e) when (Refusal(e) is { } refusal)
        {
            if (refusal.Detail is not null) tempData[DetailKey] = refusal.Detail;
            return refusal.Text;
        }
    }

    /// <summary>A use case's refusal as staff read it: a Russian sentence, and the use case's detail when it has one.</summary>
    public static (string Text, string? Detail)? Refusal(Exception e) => e switch
    {
        JasperFx.ConcurrencyException => ("Запись уже изменилась: вот её новое состояние. Повторите действие, если оно ещё нужно.", null),
        Application.Common.ForbiddenException => ("Недоступно для вашей роли.", null),
        FluentValidation.ValidationException v => ("Проверьте: " + string.Join(", ", v.Errors.Select(x => Field(x.PropertyName)).Distinct()) + ".",
            string.Join(" ", v.Errors.Select(x => x.ErrorMessage).Distinct())),
        Application.Common.ConflictException c => ("Не сохранено: это противоречит уже записанному.", c.Message),
        DomainException d => ("Правила не позволяют это сделать.", d.Message),
        _ => null,
    };

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["phone"] = "телефон", ["customer_phone"] = "телефон клиента", ["recipient_phone"] = "телефон получателя",
        ["name"] = "имя", ["customer_name"] = "имя клиента", ["recipient_name"] = "получатель", ["email"] = "email",
        ["other_phones"] = "другие телефоны", ["tags"] = "метки", ["notes"] = "заметки", ["text"] = "текст",
        ["default_address"] = "адрес", ["address"] = "адрес", ["delivery_address"] = "адрес доставки",
        ["delivery_date"] = "дата доставки", ["scheduled_time"] = "время доставки", ["postcard_text"] = "открытка",
        ["payment_method"] = "способ оплаты", ["delivery_cost"] = "стоимость доставки", ["delivery_cost_reason"] = "причина",
        ["reason"] = "причина", ["quantity"] = "количество", ["price"] = "цена", ["amount"] = "сумма", ["items"] = "позиции",
        ["product_id"] = "товар", ["special_requests"] = "пожелания", ["description"] = "описание", ["type"] = "тип",
        ["week"] = "часы работы", ["weekday"] = "день недели", ["opens"] = "время открытия", ["closes"] = "время закрытия",
        ["exceptions"] = "особые дни", ["note"] = "примечание", ["utc_offset"] = "часовой пояс", ["zones"] = "зоны доставки",
        ["free_from"] = "порог бесплатной доставки", ["express_surcharge"] = "доплата за экспресс",
        ["same_day_cutoff"] = "приём заказов на сегодня", ["slot_minutes"] = "длина слота", ["minimum_order"] = "минимальный заказ",
        ["welcome_text"] = "приветствие", ["pickup_points"] = "пункты самовывоза", ["instagram"] = "Instagram", ["whats_app"] = "WhatsApp",
        ["counted"] = "количество", ["password"] = "пароль", ["status"] = "статус",
    };

    /// <summary>A validated field's name for people ("Week[2].Closes" is "время закрытия").</summary>
    public static string Field(string propertyPath)
    {
        var last = Errors.ProblemDetailsExceptionHandler.FieldName(propertyPath).Split('.')[^1];
        var bracket = last.IndexOf('[');
        var name = bracket < 0 ? last : last[..bracket];
        return Fields.GetValueOrDefault(name, name);
    }

    /// <summary>A shop's offset as its settings write it ("+05:00").</summary>
    public static TimeSpan Offset(string text) =>
        text.StartsWith('-') ? -TimeSpan.Parse(text[1..], CultureInfo.InvariantCulture) : TimeSpan.Parse(text.TrimStart('+'), CultureInfo.InvariantCulture);
}
