using Cvety.Domain.Users;
using Cvety.Application.Operations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Cvety.Api.Pages.Admin;

/// <summary>
/// For directors and the superadmin: outbound deliveries (Bitrix, Kaspi, Telegram) that ran out of retries, with the
/// error and a replay button; the projections and how far they are; the platform's message counts (superadmin).
/// </summary>
[Authorize(AuthenticationSchemes = Ui.Scheme, Policy = nameof(Permission.SeeOperations))]
public sealed class OperationsModel(IMessageBus bus) : PageModel
{
    public IReadOnlyList<DeadLetterView> DeadLetters { get; private set; } = [];
    public ProjectionStatus Projections { get; private set; } = null!;
    public MessageCounts? Counts { get; private set; }
    public TimeSpan Offset { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        // Operations work across the superadmin's shops and need no shop picked: the handlers scope by the caller.
        DeadLetters = await bus.InvokeAsync<IReadOnlyList<DeadLetterView>>(new ListDeadLetters(), HttpContext.RequestAborted);
        Projections = await bus.InvokeAsync<ProjectionStatus>(new GetProjectionStatus(), HttpContext.RequestAborted);
        if (User.IsInRole("SUPERADMIN")) Counts = await bus.InvokeAsync<MessageCounts>(new GetMessageCounts(), HttpContext.RequestAborted);
        // A director's shop's clock; the superadmin works across shops and reads times in the platform's zone.
        Offset = User.IsInRole("SUPERADMIN") ? Domain.Shops.WorkingHours.KazakhstanOffset : await bus.ShopOffsetAsync(HttpContext);
    }

    public async Task<IActionResult> OnPostReplayAsync(Guid? id)
    {
        Message = await Ui.TryAsync(TempData, () => bus.InvokeAsync<DeadLettersReplayed>(new ReplayDeadLetters(id is { } one ? [one] : null), HttpContext.RequestAborted),
            id is null ? "Все неудачные отправки поставлены в очередь снова." : "Отправка поставлена в очередь снова.");
        return RedirectToPage();
    }
}
