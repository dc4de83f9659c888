using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using FluentValidation;
using Marten;

namespace Cvety.Application.Shops;

/// <summary>A DIRECTOR or MANAGER edits what the shop tells its customers; each edit is an event on the shop's stream.</summary>
public sealed record UpdateShopSettings(int ShopId, string? Description, string? Address, string? Phone, string? Instagram, string? WhatsApp,
    string? Currency, long? MinimumOrder, string? WelcomeText, IReadOnlyList<string>? PickupPoints, string? Name = null, string? City = null)
{
    public sealed class Validator : AbstractValidator<UpdateShopSettings>
    {
        public Validator()
        {
            RuleFor(x => x.Description).MaximumLength(2000);
            RuleFor(x => x.Address).MaximumLength(500);
            RuleFor(x => x.Phone!).Must(p => Domain.Common.PhoneNumber.TryParse(p, out _)).When(x => !string.IsNullOrWhiteSpace(x.Phone))
                .WithMessage("'phone' must be a Kazakhstan phone number such as +77011234567.");
            RuleFor(x => x.Instagram).MaximumLength(200);
            RuleFor(x => x.WhatsApp).MaximumLength(200);
            RuleFor(x => x.Currency).Must(c => c is null or "KZT").WithMessage("'currency' must be KZT.");
            RuleFor(x => x.MinimumOrder).InclusiveBetween(0, 100_000_000_00);
            RuleFor(x => x.WelcomeText).MaximumLength(2000);
            RuleFor(x => x.Name).Must(n => n is null || n.Trim().Length is > 0 and <= 200).WithMessage("'name' holds 1 to 200 characters.");
            RuleFor(x => x.City).Must(c => c is null || c.Trim().Length is > 0 and <= 100).WithMessage("'city' holds 1 to 100 characters.");
            RuleFor(x => x.PickupPoints).Must(p => p is null || (p.Count <= 20 && p.All(a => !string.IsNullOrWhiteSpace(a) && a.Length <= 300)))
                .WithMessage("'pickup_points' holds at most 20 addresses of at most 300 characters.");
        }
    }
}

public static class ShopEditors
{
    /// <summary>The shop's DIRECTOR or MANAGER, or the superadmin; anyone else is refused before the shop is read.</summary>
    public static Domain.Common.Origin RequireShopEditor(this ICurrentUser currentUser, int shopId)
    {
        var actor = currentUser.Require(Permission.ManageSettings, "Only a DIRECTOR or MANAGER changes the shop's settings.");
        if (!actor.BelongsTo(shopId)) throw new NotFoundException("Shop", shopId);
        return Origins.Of(actor);
    }
}

public static class UpdateShopSettingsHandler
{
    // The session: a shop's stream is named by its integer id (see ShopStreams).
    public static async Task Handle(UpdateShopSettings command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = currentUser.RequireShopEditor(command.ShopId);
        var current = await ShopWithSettings.LoadAsync(session, command.ShopId, ct);
        var old = current.Profile;
        var profile = new ShopProfile(
            command.Description?.Trim() ?? old.Description, command.Address?.Trim() ?? old.Address,
            string.IsNullOrWhiteSpace(command.Phone) ? old.Phone : Domain.Common.PhoneNumber.Parse(command.Phone).Value,
            command.Instagram?.Trim() ?? old.Instagram, command.WhatsApp?.Trim() ?? old.WhatsApp, command.Currency ?? old.Currency,
            command.MinimumOrder ?? old.MinimumOrder, command.WelcomeText?.Trim() ?? old.WelcomeText,
            command.PickupPoints?.Select(p => p.Trim()).ToList() ?? old.PickupPoints);
        var name = command.Name?.Trim() ?? current.Shop.Name;
        var city = command.City is { } c ? ShopCities.Normalise(c) : current.Shop.City;
        session.Append(current.Shop, ShopDecisions.ChangeProfile(current.Shop, old, profile, name, city, origin));
    }
}
