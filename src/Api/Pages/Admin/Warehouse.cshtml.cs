using Cvety.Application.Inventory;
using Cvety.Domain.Inventory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Cvety.Api.Pages.Admin;

/// <summary>
/// The warehouse: items with what is reserved and available, low stock marked and filterable, deliveries and
/// write-offs (with a reason), an item's movements, and the stock-takes.
/// </summary>
[Authorize(AuthenticationSchemes = Ui.Scheme)]
public sealed class WarehouseModel(IMessageBus bus) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Low { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Item { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<WarehouseItem> Items { get; private set; } = [];
    public WarehouseItem? Selected { get; private set; }
    public IReadOnlyList<StockMovement> Movements { get; private set; } = [];
    public IReadOnlyList<StockTake> StockTakes { get; private set; } = [];
    public TimeSpan Offset { get; private set; }
    public bool MayChange => !User.IsInRole("COURIER");

    public async Task OnGetAsync()
    {
        Offset = await bus.ShopOffsetAsync(HttpContext);
        Items = await bus.SendAsync<IReadOnlyList<WarehouseItem>>(HttpContext, new ListWarehouseItems(Low));
        if (Item is { } id)
        {
            Selected = await bus.SendAsync<WarehouseItem>(HttpContext, new GetWarehouseItem(id));
            Movements = await bus.SendAsync<IReadOnlyList<StockMovement>>(HttpContext, new GetStockMovements(id));
        }
        StockTakes = await bus.SendAsync<IReadOnlyList<StockTake>>(HttpContext, new ListStockTakes());
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string operation, int? quantity, string? reason)
    {
        Message = await Ui.TryAsync(TempData, () => bus.SendAsync(HttpContext, new RecordStockMovement(id, operation, quantity, Reason: reason)),
            operation == "delivery" ? "Поставка записана." : "Списание записано.");
        return Redirect($"/admin/warehouse?item={id}");
    }
}
