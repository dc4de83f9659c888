using Cvety.Application.Shops;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Cvety.Api.Pages.Admin;

/// <summary>The superadmin picks the shop whose screens to open; staff go straight to their own.</summary>
[Authorize(AuthenticationSchemes = Ui.Scheme, Roles = "SUPERADMIN")]
public sealed class ShopsModel(IMessageBus bus) : PageModel
{
    public IReadOnlyList<ShopCard> Shops { get; private set; } = [];

    public async Task OnGetAsync() => Shops = await bus.InvokeAsync<IReadOnlyList<ShopCard>>(new ListShops(IncludeBlocked: true), HttpContext.RequestAborted);

    public IActionResult OnPost(int shopId)
    {
        Response.Cookies.Append(UiScope.ShopCookie, shopId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = Request.IsHttps, Path = "/admin" });
        return Redirect("/admin");
    }
}
