using Cvety.Api.Endpoints;
using Cvety.Application.Orders;
using Cvety.Domain.Orders;
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
public sealed class IndexModel(IMessageBus bus, TimeProvider clock) : PageModel
{
    public static readonly OrderStatus[] Open = [OrderStatus.New, OrderStatus.Paid, OrderStatus.Accepted, OrderStatus.Assembled, OrderStatus.InDelivery];
    public static readonly OrderStatus[] Closed = [OrderStatus.Delivered, OrderStatus.Cancelled];

    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public Dictionary<OrderStatus, IReadOnlyList<OrderDetails>> Columns { get; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? fragment)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Ui.ShopOffset).DateTime);
        foreach (var status in Open.Concat(Closed))
        {
            var page = await bus.InvokeForShopAsync<OrderPage>(HttpContext, new ListOrders(status.Name(), Q is { Length: > 0 } q && q.Any(char.IsDigit) && !q.StartsWith('#') ? q : null,
                Q is { Length: > 0 } s && (s.StartsWith('#') || !s.Any(char.IsDigit)) ? s : null, Mine, Date, Date, 0, 200));
            Columns[status] = Closed.Contains(status) ? page.Items.Where(o => DateOnly.FromDateTime(o.UpdatedAt.ToOffset(Ui.ShopOffset).DateTime) == Today).ToList() : page.Items;
        }
        return fragment == "board" ? Partial("_Board", this) : Page();
    }

    public bool IsLate(OrderDetails o) => o.DeliveryDate is { } d && d < Today;
}
