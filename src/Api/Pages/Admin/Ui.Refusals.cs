using Cvety.Domain.Common;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Cvety.Api.Pages.Admin;

/// <summary>How a screen says that a use case refused a change: one Russian sentence, the fields named in Russian.</summary>
public static partial class Ui
{
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
}
