using Cvety.Domain.Users;
using Cvety.Application.Products;
using Cvety.Application.Search;
using Cvety.Domain.Products;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Cvety.Api.Pages.Admin;

/// <summary>The shop's catalog: search and filters, and taking a product off sale or back on with a reason.</summary>
[Authorize(AuthenticationSchemes = Ui.Scheme)]
public sealed class CatalogModel(IMessageBus bus) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public bool OnSaleOnly { get; set; }
    [TempData] public string? Message { get; set; }

    public ProductPage Products { get; private set; } = new([], 0);
    public bool MayEdit => Ui.May(User, Permission.ManageCatalog);

    public async Task OnGetAsync() =>
        Products = await bus.SendAsync<ProductPage>(HttpContext, new ListProducts(new ProductFilter(Search: Q, Type: Type is { Length: > 0 } ? Type : null, EnabledOnly: OnSaleOnly, Limit: 100)));

    public async Task<IActionResult> OnPostStatusAsync(int id, bool enabled, string? reason)
    {
        Message = await Ui.TryAsync(TempData, () => bus.SendAsync(HttpContext, new SetProductStatus(enabled, reason) { Id = id }),
            enabled ? "Товар снова в продаже." : "Товар снят с продажи.");
        return Redirect(Request.Path + Request.QueryString);
    }
}
