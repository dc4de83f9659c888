using Cvety.Application.Clients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Cvety.Api.Pages.Admin;

/// <summary>The shop's clients: search by name or phone, sort, and a page of 50; each opens the client's card.</summary>
[Authorize(AuthenticationSchemes = Ui.Scheme)]
public sealed class ClientsModel(IMessageBus bus) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public int Skip { get; set; }
    [TempData] public string? Message { get; set; }

    public ClientPage Clients { get; private set; } = new([], 0);
    public TimeSpan Offset { get; private set; }

    public async Task OnGetAsync()
    {
        Offset = await bus.ShopOffsetAsync(HttpContext);
        var sort = ListClients.Sorts.Contains(Sort) ? Sort : null;
        Clients = await bus.SendAsync<ClientPage>(HttpContext, new ListClients(Q, Math.Max(0, Skip), PageSize, sort));
    }

    public async Task<IActionResult> OnPostAsync(string phone, string? name)
    {
        Guid? created = null;
        Message = await Ui.TryAsync(TempData, async () => created = await bus.SendAsync<Guid>(HttpContext, new CreateClient(phone ?? "", name, null, null, null)), "Клиент добавлен.");
        return created is { } id ? Redirect($"/admin/clients/{id}") : RedirectToPage();
    }

    public string SortName(string sort) => sort switch
    {
        "name" => "по имени",
        "orders" => "по числу заказов",
        "created" => "новые",
        _ => "по последнему заказу",
    };
}
