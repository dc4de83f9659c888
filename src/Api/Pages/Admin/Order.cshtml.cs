using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Application.Payments;
using Cvety.Application.Products;
using Cvety.Application.Search;
using Cvety.Domain.Clients;
using Cvety.Application.Users;
using Cvety.Domain.Orders;
using Cvety.Domain.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Cvety.Api.Pages.Admin;

/// <summary>
/// An order with the moves this person may make, cancel and refund where their role allows, and the audit panel: every
/// event with time, person, source, what, why, correlation and causation, filterable by source; "as of" shows the
/// whole order as it was at a version. A move from a stale page is refused and the new state shown.
/// </summary>
[Authorize(AuthenticationSchemes = Ui.Scheme)]
public sealed class OrderModel(IMessageBus bus, ICurrentUser currentUser) : PageModel
{
    public OrderDetails Order { get; private set; } = null!;
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public Dictionary<string, string> Names { get; private set; } = [];
    public IReadOnlyList<UserView> Staff { get; private set; } = [];
    public ILookup<DateTimeOffset, OrderHistoryRow> Changes { get; private set; } = Array.Empty<OrderHistoryRow>().ToLookup(r => r.ChangedAt);
    public TimeSpan Offset { get; private set; }
    public IReadOnlyList<OrderStatus> Moves { get; private set; } = [];
    public bool MayCancel { get; private set; }
    public bool MayRefund { get; private set; }
    public bool MayAssignOthers { get; private set; }
    /// <summary>What a florist or a courier may take for themselves (null for those who assign others).</summary>
    public StaffAssignment? SelfAssignment { get; private set; }
    public Guid? Me { get; private set; }
    /// <summary>Lines may be added or removed (before assembly, by those who edit orders), from the catalog on sale.</summary>
    public bool LinesEditable { get; private set; }
    public IReadOnlyList<Cvety.Domain.Products.Product> Catalog { get; private set; } = [];
    public Guid? ClientId { get; private set; }
    public long? AsOfVersion { get; private set; }
    public long CurrentVersion { get; private set; }
    public string? Source { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "as_of_version")] long? asOfVersion, [FromQuery(Name = "as_of")] DateTime? asOf, string? source)
    {
        Offset = await bus.ShopOffsetAsync(HttpContext);
        var current = await bus.SendAsync<OrderDetails>(HttpContext, new GetOrder(id));
        Order = asOfVersion is { } v && v < current.Version ? await bus.SendAsync<OrderDetails>(HttpContext, new GetOrder(id, v))
            : asOf is { } moment ? await bus.SendAsync<OrderDetails>(HttpContext, new GetOrder(id, null, new DateTimeOffset(DateTime.SpecifyKind(moment, DateTimeKind.Unspecified), Offset)))
            : current;
        CurrentVersion = current.Version;
        AsOfVersion = Order.Version < current.Version ? Order.Version : null;
        var all = await bus.SendAsync<IReadOnlyList<TimelineEntry>>(HttpContext, new GetOrderTimeline(id));
        Source = source;
        Timeline = source is null ? all : all.Where(e => Ui.Source(e.Source) == Ui.Source(source)).ToList();
        Changes = (await bus.SendAsync<IReadOnlyList<OrderHistoryRow>>(HttpContext, new GetOrderHistory(id))).ToLookup(r => r.ChangedAt);
        var people = await bus.SendAsync<IReadOnlyList<UserView>>(HttpContext, new ListUsers(UiScope.ShopOf(HttpContext), IncludeInactive: true));
        Names = people.ToDictionary(u => u.Id.ToString(), u => u.Name);
        Staff = people.Where(u => u.IsActive).ToList();
        var role = currentUser.Actor.Role!.Value;
        if (AsOfVersion is null && OrderStatuses.TryParse(Order.Status, out var status))
        {
            Moves = OrderTransitions.Allowed[status].Where(t => t != OrderStatus.Cancelled && t != OrderStatus.Paid && OrderTransitions.WhoMay[t].Contains(role)).ToList();
            MayCancel = !OrderTransitions.IsTerminal(status) && OrderTransitions.WhoMay[OrderStatus.Cancelled].Contains(role);
        }
        MayRefund = AsOfVersion is null && currentUser.Actor.May(Permission.RefundPayments);
        MayAssignOthers = currentUser.Actor.May(Permission.AssignOthers);
        LinesEditable = AsOfVersion is null && MayAssignOthers && OrderStatuses.TryParse(Order.Status, out var now) && OrderDecisions.BeforeAssembly(now);
        if (LinesEditable)
            Catalog = (await bus.SendAsync<ProductPage>(HttpContext, new ListProducts(new ProductFilter(EnabledOnly: true, Limit: 200)))).Items;
        ClientId = string.IsNullOrWhiteSpace(Order.CustomerPhone) ? null : ClientIds.For(UiScope.ShopOf(HttpContext), Order.CustomerPhone);
        SelfAssignment = role switch { UserRole.Florist => StaffAssignment.Responsible, UserRole.Courier => StaffAssignment.Courier, _ => null };
        Me = currentUser.Actor.UserId;
        return Page();
    }

    public Task<IActionResult> OnPostMoveAsync(Guid id, string status, long version) =>
        TryAsync(id, new ChangeOrderStatus(id, status, null, version), $"Заказ переведён: {Ui.Status(status)}.");

    public Task<IActionResult> OnPostCancelAsync(Guid id, string reason, long version) =>
        TryAsync(id, new CancelOrder(id, reason ?? "", version), "Заказ отменён.");

    public Task<IActionResult> OnPostRefundAsync(Guid id, decimal? amount, string reason) =>
        TryAsync(id, new RefundOrder(id, amount is { } tenge ? Domain.Common.Money.FromTenge(tenge).Tiyn : null, reason ?? "Возврат"), "Возврат отправлен в Kaspi.");

    public Task<IActionResult> OnPostAssignAsync(Guid id, Guid userId, StaffAssignment assignment, long version) =>
        TryAsync(id, new AssignOrderStaff(id, userId, assignment, version), assignment == StaffAssignment.Courier ? "Курьер назначен." : "Флорист назначен.");

    public Task<IActionResult> OnPostEditAsync(Guid id, long version, string? customerName, string? customerPhone, string? recipientName, string? recipientPhone,
        string? deliveryAddress, DateOnly? deliveryDate, string? scheduledTime, string? postcardText, string? paymentMethod, decimal? deliveryCost, string? deliveryCostReason) =>
        TryAsync(id, new EditOrder(id, customerName, customerPhone, null, recipientName, recipientPhone, null, deliveryAddress,
            deliveryDate is { } date ? DeliveryDateInput.From(date) : null, scheduledTime, postcardText, paymentMethod,
            deliveryCost is { } tenge ? Domain.Common.Money.FromTenge(tenge).Tiyn : null, deliveryCostReason, version), "Заказ изменён.");

    public Task<IActionResult> OnPostAddLineAsync(Guid id, int productId, int quantity, string? specialRequests) =>
        TryAsync(id, new AddOrderLine(id, productId, quantity, specialRequests), "Позиция добавлена.");

    public Task<IActionResult> OnPostRemoveLineAsync(Guid id, int productId) =>
        TryAsync(id, new RemoveOrderLine(id, productId), "Позиция убрана.");

    public Task<IActionResult> OnPostNoteAsync(Guid id, string text) => TryAsync(id, new AddOrderNote(id, text ?? ""), "Заметка добавлена.");

    public Task<IActionResult> OnPostPaymentLinkAsync(Guid id) => TryAsync(id, new CreatePaymentLink(id), "Ссылка на оплату Kaspi создана.");

    public async Task<IActionResult> OnPostPhotoAsync(Guid id, IFormFile? photo)
    {
        if (photo is null || photo.Length is 0 or > AddOrderPhoto.MaxBytes)
        {
            Message = "Выберите фото до 10 МБ.";
            return RedirectToPage(new { id });
        }
        using var buffer = new MemoryStream();
        await photo.CopyToAsync(buffer, HttpContext.RequestAborted);
        return await TryAsync(id, new AddOrderPhoto(id, buffer.ToArray()), "Фото букета добавлено: клиент его увидит.");
    }

    private async Task<IActionResult> TryAsync(Guid id, object command, string done)
    {
        Message = await Ui.TryAsync(TempData, () => bus.SendAsync(HttpContext, command), done);
        return RedirectToPage(new { id });
    }

    public string Person(TimelineEntry e) => Names.TryGetValue(e.Actor, out var name) ? $"{name} ({Ui.RoleName(e.Role)})" : e.Source == "admin" ? e.Actor : Ui.Source(e.Source);
}
