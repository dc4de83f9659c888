using Cvety.Api.Endpoints;
using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Application.Payments;
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
    public IReadOnlyList<OrderStatus> Moves { get; private set; } = [];
    public bool MayCancel { get; private set; }
    public bool MayRefund { get; private set; }
    public long? AsOfVersion { get; private set; }
    public long CurrentVersion { get; private set; }
    public string? Source { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "as_of_version")] long? asOfVersion, string? source)
    {
        try
        {
            var current = await bus.InvokeForShopAsync<OrderDetails>(HttpContext, new GetOrder(id));
            Order = asOfVersion is { } v && v < current.Version ? await bus.InvokeForShopAsync<OrderDetails>(HttpContext, new GetOrder(id, v)) : current;
            CurrentVersion = current.Version;
            AsOfVersion = Order.Version < current.Version ? Order.Version : null;
            var all = await bus.InvokeForShopAsync<IReadOnlyList<TimelineEntry>>(HttpContext, new GetOrderTimeline(id));
            Source = source;
            Timeline = source is null ? all : all.Where(e => e.Source == source).ToList();
            Names = (await bus.InvokeForShopAsync<IReadOnlyList<UserView>>(HttpContext, new ListUsers(IncludeInactive: true))).ToDictionary(u => u.Id.ToString(), u => u.Name);
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Content("Заказ не найден", "text/plain; charset=utf-8");
        }
        var role = currentUser.Actor.Role!.Value;
        if (AsOfVersion is null && OrderStatuses.TryParse(Order.Status, out var status))
        {
            Moves = OrderTransitions.Allowed[status].Where(t => t != OrderStatus.Cancelled && t != OrderStatus.Paid && OrderTransitions.WhoMay[t].Contains(role)).ToList();
            MayCancel = !OrderTransitions.IsTerminal(status) && OrderTransitions.WhoMay[OrderStatus.Cancelled].Contains(role);
        }
        MayRefund = AsOfVersion is null && role is UserRole.Manager or UserRole.Director or UserRole.Superadmin;
        return Page();
    }

    public Task<IActionResult> OnPostMoveAsync(Guid id, string status, long version) =>
        TryAsync(id, new ChangeOrderStatus(id, status, null, version), $"Заказ переведён: {Ui.Status(status)}.");

    public Task<IActionResult> OnPostCancelAsync(Guid id, string reason, long version) =>
        TryAsync(id, new CancelOrder(id, reason ?? "", version), "Заказ отменён.");

    public Task<IActionResult> OnPostRefundAsync(Guid id, decimal? amount, string reason) =>
        TryAsync(id, new RefundOrder(id, amount is { } tenge ? Domain.Common.Money.FromTenge(tenge).Tiyn : null, reason ?? "Возврат"), "Возврат отправлен в Kaspi.");

    private async Task<IActionResult> TryAsync(Guid id, object command, string done)
    {
        try
        {
            await bus.InvokeForShopAsync(HttpContext, command);
            Message = done;
        }
        catch (JasperFx.ConcurrencyException)
        {
            Message = "Заказ уже изменился: вот его новое состояние. Повторите действие, если оно ещё нужно.";
        }
        catch (Exception e) when (e is Domain.Common.DomainException or ForbiddenException or FluentValidation.ValidationException)
        {
            Message = e is FluentValidation.ValidationException v ? string.Join(" ", v.Errors.Select(x => x.ErrorMessage)) : e.Message;
        }
        return RedirectToPage(new { id });
    }

    public string Person(TimelineEntry e) => Names.TryGetValue(e.Actor, out var name) ? $"{name} ({Ui.RoleName(e.Role)})" : e.Source == "admin" ? e.Actor : Ui.Source(e.Source);
}
