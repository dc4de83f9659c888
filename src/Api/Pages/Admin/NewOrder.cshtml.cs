using Cvety.Domain.Users;
using Cvety.Application.Orders;
using Cvety.Application.Planning;
using Cvety.Application.Products;
using Cvety.Application.Search;
using Cvety.Domain.Products;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Cvety.Api.Pages.Admin;

/// <summary>
/// A staff member takes an order: finds bouquets in the catalog with prices, picks quantities, fills in the customer,
/// the recipient, the delivery (the shop's slots for the chosen day) and the payment method, sees the totals and what
/// is not available (PreviewOrder), then places it (PlaceOrder), the same use cases as the API's.
/// </summary>
[Authorize(AuthenticationSchemes = Ui.Scheme, Policy = nameof(Permission.PlaceOrders))]
public sealed class NewOrderModel(IMessageBus bus, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public Dictionary<int, int> Qty { get; set; } = [];
    [BindProperty] public string? CustomerName { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? RecipientName { get; set; }
    [BindProperty] public string? RecipientPhone { get; set; }
    [BindProperty] public string DeliveryType { get; set; } = "delivery";
    [BindProperty] public string? Address { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty] public string? Slot { get; set; }
    [BindProperty] public string PaymentMethod { get; set; } = "kaspi";
    [BindProperty] public string? Postcard { get; set; }
    [BindProperty] public string? Notes { get; set; }

    public IReadOnlyList<Product> Found { get; private set; } = [];
    public IReadOnlyList<Product> Chosen { get; private set; } = [];
    public DeliveryDay? Day { get; private set; }
    public OrderPreview? Preview { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    /// <summary>Search, recalculate or change the day: the form comes back with the totals.</summary>
    public async Task OnPostPreviewAsync()
    {
        await LoadAsync();
        await PreviewAsync();
    }

    public async Task<IActionResult> OnPostPlaceAsync()
    {
        var items = Items();
        try
        {
            var placed = await bus.SendAsync<PlacedOrder>(HttpContext, new PlaceOrder(
                CustomerName ?? "", Phone ?? "", null, items, DeliveryType, DeliveryType == "pickup" ? null : Address,
                Date is { } d ? DeliveryDateInput.From(d) : null, Slot, null, RecipientName, RecipientPhone, null, null, PaymentMethod,
                Notes, null, Postcard, null));
            TempData["Message"] = $"Заказ {placed.OrderNumber} оформлен.";
            return Redirect($"/admin/orders/{placed.Id}");
        }
        catch (Exception e) when (e is FluentValidation.ValidationException or Domain.Common.DomainException)
        {
            var (text, detail) = Ui.Refusal(e)!.Value;
            Errors = detail is null ? [text] : [text, detail];
            await LoadAsync();
            await PreviewAsync();
            return Page();
        }
    }

    private List<PlaceOrder.Item> Items() => Qty.Where(q => q.Value > 0).Select(q => new PlaceOrder.Item(q.Key, q.Value, null)).ToList();

    private async Task LoadAsync()
    {
        Found = (await bus.SendAsync<ProductPage>(HttpContext, new ListProducts(new ProductFilter(Search: Q, EnabledOnly: true, Limit: 20)))).Items;
        var chosen = Qty.Where(q => q.Value > 0).Select(q => q.Key).Where(id => Found.All(p => p.Id != id)).ToList();
        var extra = new List<Product>();
        foreach (var id in chosen) extra.Add(await bus.SendAsync<Product>(HttpContext, new GetProduct(id)));
        Chosen = extra;
        Date ??= DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(await bus.ShopOffsetAsync(HttpContext)).DateTime);
        Day = await bus.SendAsync<DeliveryDay>(HttpContext, new GetDeliverySlots(UiScope.ShopOf(HttpContext), Date.Value));
    }

    private async Task PreviewAsync()
    {
        var items = Items();
        if (items.Count > 0) Preview = await bus.SendAsync<OrderPreview>(HttpContext, new PreviewOrder(items, DeliveryType));
    }
}
