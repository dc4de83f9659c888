using Cvety.Application.Inventory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;
using StockTakeDocument = Cvety.Application.Inventory.StockTake;

namespace Cvety.Api.Pages.Admin;

/// <summary>
/// A stock-take: the sheet of what the books expect, filled in with what was counted and saved as a draft; a draft is
/// then applied, which turns each difference into a count on its item (the same use cases as the API's).
/// </summary>
[Authorize(AuthenticationSchemes = Ui.Scheme, Roles = "FLORIST,MANAGER,DIRECTOR,SUPERADMIN")]
public sealed class StockTakeModel(IMessageBus bus) : PageModel
{
    public IReadOnlyList<StockTakeSheetLine> Sheet { get; private set; } = [];
    public StockTakeDocument? Draft { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(Guid? id)
    {
        if (id is { } draft) Draft = await bus.SendAsync<StockTakeDocument>(HttpContext, new GetStockTake(draft));
        else Sheet = await bus.SendAsync<IReadOnlyList<StockTakeSheetLine>>(HttpContext, new PrepareStockTake());
    }

    public async Task<IActionResult> OnPostDraftAsync(Dictionary<Guid, int> counted, string? notes)
    {
        Guid? id = null;
        Message = await Ui.TryAsync(TempData, async () => id = await bus.SendAsync<Guid>(HttpContext,
            new DraftStockTake(counted.Select(c => new DraftStockTake.Count(c.Key, c.Value)).ToList(), notes)), "Черновик инвентаризации сохранён: проверьте и проведите.");
        return id is { } saved ? Redirect($"/admin/warehouse/stock-take?id={saved}") : Redirect("/admin/warehouse/stock-take");
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid id)
    {
        StockTakeResult? result = null;
        Message = await Ui.TryAsync(TempData, async () => result = await bus.SendAsync<StockTakeResult>(HttpContext, new ApplyStockTake(id)), "");
        if (result is not null)
            Message = result.AlreadyApplied ? "Эта инвентаризация уже проведена." : $"Инвентаризация проведена: изменено позиций {result.ItemsChanged}.";
        return Redirect($"/admin/warehouse/stock-take?id={id}");
    }
}
