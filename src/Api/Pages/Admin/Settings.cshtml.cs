using Cvety.Domain.Users;
using System.Globalization;
using Cvety.Application.Common;
using Cvety.Application.Shops;
using Cvety.Application.Users;
using Cvety.Domain.Common;
using Cvety.Domain.Shops;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Cvety.Api.Pages.Admin;

/// <summary>
/// The shop's settings: what it tells customers, its hours and holidays, and delivery (zones, free-from thresholds,
/// express, the same-day cut-off, slot length). DIRECTOR and MANAGER change them; everyone on the team reads them and
/// who changed what. The shop's stream lives outside every shop's tenant, so these go to the bus as the API sends them.
/// </summary>
[Authorize(AuthenticationSchemes = Ui.Scheme)]
public sealed class SettingsModel(IMessageBus bus) : PageModel
{
    public sealed class DayRow
    {
        public int Weekday { get; set; }
        public string? Opens { get; set; }
        public string? Closes { get; set; }
        public bool Closed { get; set; }
    }

    public sealed class DateRow
    {
        public DateOnly? Date { get; set; }
        public string? Opens { get; set; }
        public string? Closes { get; set; }
        public bool Closed { get; set; }
        public string? Note { get; set; }
    }

    public sealed class ZoneRow
    {
        public string? Name { get; set; }
        public decimal? Price { get; set; }
        public decimal? FreeFrom { get; set; }
    }

    public ShopSettingsAnswer Settings { get; private set; } = null!;
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public Dictionary<string, string> Names { get; private set; } = [];
    public TimeSpan Offset { get; private set; }
    public bool MayEdit => Ui.May(User, Permission.ManageSettings);
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        var shopId = UiScope.ShopOf(HttpContext);
        Settings = await bus.SendAsync<ShopSettingsAnswer>(HttpContext, new GetShopSettings(shopId, Public: false));
        Offset = Ui.Offset(Settings.WorkingHours.UtcOffset);
        History = await bus.InvokeAsync<IReadOnlyList<HistoryEntry>>(new GetShopSettingsHistory(shopId), HttpContext.RequestAborted);
        Names = (await bus.SendAsync<IReadOnlyList<UserView>>(HttpContext, new ListUsers(shopId, IncludeInactive: true))).ToDictionary(u => u.Id.ToString(), u => u.Name);
    }

    public Task<IActionResult> OnPostProfileAsync(string? description, string? address, string? phone, string? instagram, string? whatsApp,
        decimal? minimumOrder, string? welcomeText, string? pickupPoints) =>
        ChangeAsync(shopId => new UpdateShopSettings(shopId, description ?? "", address ?? "", phone, instagram ?? "", whatsApp ?? "", null,
            minimumOrder is { } tenge ? Money.FromTenge(tenge).Tiyn : 0, welcomeText ?? "",
            (pickupPoints ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), "Сведения о магазине сохранены.");

    public Task<IActionResult> OnPostHoursAsync(List<DayRow> week, List<DateRow> exceptions, string? utcOffset) =>
        ChangeAsync(shopId => new SetWorkingHours(shopId,
            week.Select(d => new DayHoursInput(d.Weekday, d.Closed ? null : d.Opens, d.Closed ? null : d.Closes, d.Closed || string.IsNullOrWhiteSpace(d.Opens))).ToList(),
            exceptions.Where(e => e.Date is not null)
                .Select(e => new DateHoursInput(e.Date!.Value, e.Closed ? null : e.Opens, e.Closed ? null : e.Closes, e.Closed || string.IsNullOrWhiteSpace(e.Opens), e.Note)).ToList(),
            utcOffset), "Часы работы сохранены.");

    public Task<IActionResult> OnPostDeliveryAsync(List<ZoneRow> zones, decimal? expressSurcharge, string? sameDayCutoff, int? slotMinutes) =>
        ChangeAsync(shopId => new SetDeliverySettings(shopId,
            zones.Where(z => !string.IsNullOrWhiteSpace(z.Name))
                .Select(z => new DeliveryZoneView(z.Name!, Money.FromTenge(z.Price ?? 0).Tiyn, z.FreeFrom is { } free ? Money.FromTenge(free).Tiyn : null)).ToList(),
            Money.FromTenge(expressSurcharge ?? 0).Tiyn, sameDayCutoff, slotMinutes), "Доставка сохранена.");

    private async Task<IActionResult> ChangeAsync(Func<int, object> command, string done)
    {
        var shopId = UiScope.ShopOf(HttpContext);
        Message = await Ui.TryAsync(TempData, () => bus.InvokeAsync(command(shopId), HttpContext.RequestAborted), done);
        return RedirectToPage();
    }

    public static readonly string[] Weekdays = ["", "Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота", "Воскресенье"];
    private static readonly string[] Short = ["", "Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"];

    public static string Tenge(long tiyn) => (tiyn / 100m).ToString("0.##", CultureInfo.InvariantCulture);

    public string Person(HistoryEntry e) => Ui.Person(Names, e.Actor, e.Role, e.Source);

    /// <summary>What a settings change set, in words.</summary>
    public static string Describe(HistoryEntry e) => e.Data switch
    {
        ShopProfileChanged p => "Сведения: " + string.Join("; ", new[]
        {
            p.Profile.Address is { } a ? "адрес " + a : null,
            p.Profile.Phone is { } ph ? "телефон " + ph : null,
            "минимальный заказ " + Ui.Money(new Money(p.Profile.MinimumOrder)),
            p.Profile.PickupPoints is { Count: > 0 } points ? "самовывоз: " + string.Join(", ", points) : null,
        }.Where(x => x is not null)),
        ShopRenamed r => $"Название: {r.Name}; город: {r.City}",
        WorkingHoursSet h => "Часы: " + string.Join(", ", h.Hours.Week.OrderBy(d => d.Weekday)
                .Select(d => Short[d.Weekday] + " " + (d.IsOpen ? $"{HourText.Of(d.Opens)}–{HourText.Of(d.Closes)}" : "выходной")))
            + (h.Hours.Exceptions.Count == 0 ? "" : "; особые дни: " + string.Join(", ", h.Hours.Exceptions.OrderBy(x => x.Date)
                .Select(x => x.Date.ToString("dd.MM", CultureInfo.InvariantCulture) + " " + (x.IsOpen ? $"{HourText.Of(x.Opens)}–{HourText.Of(x.Closes)}" : "закрыто"))))
            + "; UTC" + WorkingHoursView.Of(h.Hours).UtcOffset,
        DeliverySettingsSet d => "Доставка: " + string.Join(", ", d.Delivery.Zones.Select(z => $"{z.Name} {Ui.Money(z.Price)}" + (z.FreeFrom is { } f ? $" (бесплатно от {Ui.Money(f)})" : "")))
            + $"; экспресс +{Ui.Money(d.Delivery.ExpressSurcharge)}; на сегодня до {HourText.Of(d.Delivery.SameDayCutoff)}; слот {d.Delivery.SlotMinutes} мин"
            + (d.Delivery.PickupAvailable ? "" : "; самовывоза нет") + (d.Delivery.DeliveryAvailable ? "" : "; доставки нет"),
        _ => e.Event,
    };
}
