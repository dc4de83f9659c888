using Cvety.Domain.Users;
using Cvety.Application.Common;
using Cvety.Application.Inventory;
using Cvety.Application.Products;
using Cvety.Domain.Common;
using Cvety.Domain.Inventory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;
using DomainProduct = Cvety.Domain.Products.Product;

namespace Cvety.Api.Pages.Admin;

/// <summary>A product: its fields, photos and composition, edited by managers and directors, and its full history.</summary>
[Authorize(AuthenticationSchemes = Ui.Scheme)]
public sealed class ProductModel(IMessageBus bus) : PageModel
{
    public DomainProduct Product { get; private set; } = null!;
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public IReadOnlyList<WarehouseItem> Items { get; private set; } = [];
    public bool MayEdit => Ui.May(User, Permission.ManageCatalog);
    [TempData] public string? Message { get; set; }
    public TimeSpan Offset { get; private set; }

    public async Task OnGetAsync(int id)
    {
        Offset = await bus.ShopOffsetAsync(HttpContext);
        Product = await bus.SendAsync<DomainProduct>(HttpContext, new GetProduct(id));
        History = await bus.SendAsync<IReadOnlyList<HistoryEntry>>(HttpContext, new GetProductHistory(id));
        if (MayEdit) Items = await bus.SendAsync<IReadOnlyList<WarehouseItem>>(HttpContext, new ListWarehouseItems());
    }

    public async Task<IActionResult> OnPostEditAsync(int id, string name, decimal price, string type, string? description)
    {
        // The form holds these four; the rest keep their values. An emptied description arrives as null and clears it.
        Message = await Ui.TryAsync(TempData, () => bus.SendAsync(HttpContext,
            new UpdateProduct(name ?? "", Money.FromTenge(price).Tiyn, type, description ?? "") { Id = id }), "Товар сохранён.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPhotoAsync(int id, IFormFile? photo)
    {
        if (photo is null || photo.Length == 0) Message = "Выберите фото.";
        else if (photo.Length > AddProductImage.MaxBytes) Message = "Фото больше 10 МБ.";
        else
        {
            using var buffer = new MemoryStream();
            await photo.CopyToAsync(buffer, HttpContext.RequestAborted);
            Message = await Ui.TryAsync(TempData, () => bus.SendAsync(HttpContext, new AddProductImage(id, buffer.ToArray())), "Фото добавлено.");
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync(int id, string url)
    {
        Message = await Ui.TryAsync(TempData, () => bus.SendAsync(HttpContext, new RemoveProductImage(id, url ?? "")), "Фото убрано.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPrimaryPhotoAsync(int id, string url)
    {
        Message = await Ui.TryAsync(TempData, () => bus.SendAsync(HttpContext, new MakeProductImagePrimary(id, url ?? "")), "Главное фото выбрано.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCompositionAsync(int id, Dictionary<Guid, int> parts)
    {
        var lines = parts.Where(p => p.Value > 0).Select(p => new SetProductComposition.Line(p.Key, p.Value)).ToList();
        Message = await Ui.TryAsync(TempData, () => bus.SendAsync(HttpContext, new SetProductComposition(id, lines)), "Состав сохранён.");
        return RedirectToPage(new { id });
    }
}
