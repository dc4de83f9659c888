using Cvety.Application.Orders;
using Cvety.Application.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Cvety.Api.Pages.Admin;

/// <summary>
/// The orders board: a column per open status, today's delivered and cancelled folded, each card with what the shop
/// works from. The page asks for its board again every few seconds (admin.js, ?fragment=board), so a change made
/// elsewhere shows without a reload.
/// </summary>
[Authorize(AuthenticationSchemes = Ui.Scheme)]
public sealed class IndexModel(IMessageBus bus) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Assignee { get; set; }

    public OrderBoard Board { get; private set; } = null!;
    public IReadOnlyList<UserView> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? fragment)
    {
        Board = await bus.SendAsync<OrderBoard>(HttpContext, new GetOrderBoard(Date, Mine, Q, Assignee));
        if (fragment == "board") return Partial("_Board", this);
        Staff = await bus.SendAsync<IReadOnlyList<UserView>>(HttpContext, new ListUsers(UiScope.ShopOf(HttpContext)));
        return Page();
    }

    public bool IsLate(OrderDetails o) => o.DeliveryDate is { } d && d < Board.Today && o.Status is not ("delivered" or "cancelled");
}
