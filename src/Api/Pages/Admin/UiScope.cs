using System.Globalization;
using Cvety.Api.Auth;
using Cvety.Application.Common;
using Cvety.Domain.Shops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Wolverine;

namespace Cvety.Api.Pages.Admin;

/// <summary>
/// The shop a screen works in: staff always their own; the superadmin the shop picked on /admin/shops (a cookie of
/// its own, since the screens have no <c>?shop_id=</c> on every link). Messages go to the same handlers as the API's,
/// in that shop's tenant.
/// </summary>
public static class UiScope
{
    public const string ShopCookie = "cvety_admin_shop";

    public static string TenantOf(HttpContext http)
    {
        var user = http.User;
        if (int.TryParse(user.FindFirst(CvetyClaims.ShopId)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var own))
            return Shop.TenantIdFor(own);
        if (user.FindFirst(CvetyClaims.Role)?.Value == "SUPERADMIN")
            return int.TryParse(http.Request.Cookies[ShopCookie], NumberStyles.Integer, CultureInfo.InvariantCulture, out var chosen) && chosen > 0
                ? Shop.TenantIdFor(chosen)
                : throw new NoShopChosenException();
        throw new ForbiddenException("Эта учётная запись не относится ни к одному магазину.");
    }

    public static int ShopOf(HttpContext http) => int.Parse(TenantOf(http), CultureInfo.InvariantCulture);

    /// <summary>The shop's UTC offset from its settings, for showing times as the shop lives them.</summary>
    public static async Task<TimeSpan> ShopOffsetAsync(this IMessageBus bus, HttpContext http) =>
        Ui.Offset((await bus.SendAsync<Application.Shops.ShopSettingsAnswer>(http, new Application.Shops.GetShopSettings(ShopOf(http), Public: false))).WorkingHours.UtcOffset);

    public static Task<T> SendAsync<T>(this IMessageBus bus, HttpContext http, object message) =>
        bus.InvokeForTenantAsync<T>(TenantOf(http), message, http.RequestAborted);

    public static Task SendAsync(this IMessageBus bus, HttpContext http, object message) =>
        bus.InvokeForTenantAsync(TenantOf(http), message, http.RequestAborted);
}

/// <summary>The superadmin opened a shop's screen before picking a shop.</summary>
public sealed class NoShopChosenException() : Exception("Choose a shop first.");

/// <summary>
/// What the screens answer when a use case refuses: no shop picked yet goes to the shop list, another shop's or a
/// missing record is "not found", a move the role may not make is "forbidden", in Russian and without a stack trace.
/// </summary>
public sealed class UiErrors : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled) return;
        IActionResult? result = executed.Exception switch
        {
            NoShopChosenException => new RedirectResult("/admin/shops"),
            NotFoundException => new ContentResult { StatusCode = StatusCodes.Status404NotFound, Content = "Не найдено: такой записи нет в вашем магазине.", ContentType = "text/plain; charset=utf-8" },
            ForbiddenException => new ContentResult { StatusCode = StatusCodes.Status403Forbidden, Content = "Недоступно для вашей роли.", ContentType = "text/plain; charset=utf-8" },
            _ => null,
        };
        if (result is null) return;
        executed.Result = result;
        executed.ExceptionHandled = true;
    }
}
