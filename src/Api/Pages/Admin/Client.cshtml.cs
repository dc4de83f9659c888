using Cvety.Domain.Users;
using Cvety.Application.Clients;
using Cvety.Application.Common;
using Cvety.Application.Users;
using Cvety.Domain.Clients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Cvety.Api.Pages.Admin;

/// <summary>
/// A client's card: contacts, tags, addresses, Telegram and privacy; their orders and what the shop has had from them;
/// editing the details and the shop's notes; and every change to the card with who made it and from where.
/// </summary>
[Authorize(AuthenticationSchemes = Ui.Scheme)]
public sealed class ClientModel(IMessageBus bus) : PageModel
{
    public ClientDetails Details { get; private set; } = null!;
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public Dictionary<string, string> Names { get; private set; } = [];
    public TimeSpan Offset { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(Guid id)
    {
        Offset = await bus.ShopOffsetAsync(HttpContext);
        Details = await bus.SendAsync<ClientDetails>(HttpContext, new GetClient(id));
        History = (await bus.SendAsync<IReadOnlyList<HistoryEntry>>(HttpContext, new GetClientHistory(id))).Reverse().ToList();
        Names = (await bus.SendAsync<IReadOnlyList<UserView>>(HttpContext, new ListUsers(UiScope.ShopOf(HttpContext), IncludeInactive: true)))
            .ToDictionary(u => u.Id.ToString(), u => u.Name);
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id, string? name, string? phone, string? email, string? otherPhones, string? tags, string? defaultAddress)
    {
        Message = await Ui.TryAsync(TempData, () => bus.SendAsync(HttpContext, new UpdateClient(id, string.IsNullOrWhiteSpace(name) ? null : name, phone, email ?? "",
            Split(otherPhones), Split(tags), defaultAddress ?? "", null)), "Клиент сохранён.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostNotesAsync(Guid id, string? notes)
    {
        Message = await Ui.TryAsync(TempData, () => bus.SendAsync(HttpContext, new SetClientNotes(id, notes)), "Заметки сохранены.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEraseAsync(Guid id, string? reason)
    {
        Message = await Ui.TryAsync(TempData, () => bus.SendAsync(HttpContext, new EraseClientData(id, reason)), "Личные данные клиента удалены.");
        return RedirectToPage(new { id });
    }

    public bool MayErase => Ui.May(User, Permission.EraseClientData);

    /// <summary>"a, b; c" or one per line, as people type lists into one field.</summary>
    private static List<string> Split(string? text) =>
        (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public string Person(HistoryEntry e) => Ui.Person(Names, e.Actor, e.Role, e.Source);

    /// <summary>What a change to the card says, in words.</summary>
    public static string Describe(HistoryEntry e) => e.Data switch
    {
        ClientRegistered r => $"Клиент добавлен: {r.Name ?? "без имени"}, {r.Phone}",
        ClientRenamed r => $"Имя: {r.Name}",
        ClientTelegramLinked t => $"Привязан Telegram{(t.Username is null ? "" : " @" + t.Username)}",
        ClientDetailsChanged d => $"Данные: {d.Name ?? "без имени"}, {d.Phone}" + (d.Email is null ? "" : $", {d.Email}")
            + (d.OtherPhones.Count == 0 ? "" : $"; другие телефоны: {string.Join(", ", d.OtherPhones)}")
            + (d.Tags.Count == 0 ? "" : $"; метки: {string.Join(", ", d.Tags)}")
            + (d.DefaultAddress is null ? "" : $"; адрес: {d.DefaultAddress}"),
        ClientNotesChanged n => n.Notes is null ? "Заметки очищены" : $"Заметки: {n.Notes}",
        ClientPrivacyChanged p => p.PersonalisationAllowed ? "Персонализация снова разрешена" : "Клиент отказался от персонализации",
        ClientErasureRequested r => "Клиент просит удалить его данные" + (r.Reason is null ? "" : $": {r.Reason}"),
        ClientDataErased r => "Личные данные удалены" + (r.Reason is null ? " по просьбе клиента" : $": {r.Reason}"),
        _ => e.Event,
    };
}
