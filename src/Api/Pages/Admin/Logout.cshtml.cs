using Cvety.Application.Common;
using Cvety.Application.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Cvety.Api.Pages.Admin;

/// <summary>Signing out ends the session: the cookie goes, and the session is revoked like a token's.</summary>
[Authorize(AuthenticationSchemes = Ui.Scheme)]
public sealed class LogoutModel(IMessageBus bus, ICurrentUser currentUser) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        var actor = currentUser.Actor;
        if (actor.UserId is { } id && actor.SessionId is { } session)
            await bus.InvokeAsync(new SignOut(id, session, DateTimeOffset.UtcNow.AddDays(1)), HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(Ui.Scheme);
        return LocalRedirect("/admin/login");
    }
}
