using System.Globalization;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;

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
        _ => "система",
    };

    public static string Time(DateTimeOffset at, TimeSpan offset) => at.ToOffset(offset).ToString("dd.MM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Kazakhstan's offset; the shop's own comes from its settings where a page has them.</summary>
    public static readonly TimeSpan ShopOffset = TimeSpan.FromHours(5);
}
