using System.Security.Claims;
using Cvety.Api.Auth;
using Cvety.Application.Auth;
using Cvety.Application.Common;
using Cvety.Application.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Cvety.Api.Pages.Admin;

/// <summary>Sign-in with phone and password into an HttpOnly cookie carrying the same claims as a token (session id and stamp included).</summary>
[AllowAnonymous]
public sealed class LoginModel(IMessageBus bus, LoginThrottle throttle) : PageModel
{
    public string? Error { get; private set; }
    public string? Phone { get; private set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string phone, string password)
    {
        Phone = phone;
        var key = Domain.Common.PhoneNumber.TryParse(phone, out var p) ? p.Value : phone;
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await throttle.IsBlockedAsync(key, client, HttpContext.RequestAborted))
        {
            Error = "Слишком много попыток. Попробуйте позже.";
            return Page();
        }
        UserView user;
        try
        {
            user = await bus.InvokeAsync<UserView>(new Login(phone, password), HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is AuthenticationFailedException or FluentValidation.ValidationException)
        {
            await throttle.RecordFailureAsync(key, client, HttpContext.RequestAborted);
            Error = "Неверный телефон или пароль.";
            return Page();
        }
        await throttle.ResetAsync(key, client, HttpContext.RequestAborted);
        List<Claim> claims =
        [
            new(CvetyClaims.Subject, user.Id.ToString()), new(CvetyClaims.Phone, user.Phone), new(CvetyClaims.Role, user.Role),
            new(CvetyClaims.Session, Guid.NewGuid().ToString()), new(CvetyClaims.Stamp, user.SecurityStamp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("name", user.Name),
        ];
        if (user.ShopId is { } shop) claims.Add(new Claim(CvetyClaims.ShopId, shop.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await HttpContext.SignInAsync(Ui.Scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, Ui.Scheme, CvetyClaims.Subject, CvetyClaims.Role)));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
    }
}
