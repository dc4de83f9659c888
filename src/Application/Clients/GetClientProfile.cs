using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Application.Users;
using Cvety.Domain.Common;
using FluentValidation;
using Marten;

namespace Cvety.Application.Clients;

/// <summary>
/// What the AI agent may know of a client to personalise a conversation: name, saved addresses, recent orders and
/// preferences. A client who opted out of personalisation (or asked to be forgotten) is answered with their name only.
/// </summary>
public sealed record GetClientProfile(string Phone)
{
    public sealed class Validator : AbstractValidator<GetClientProfile>
    {
        public Validator() => RuleFor(x => x.Phone).MustBePhone();
    }
}

public sealed record ProfileOrder(string OrderNumber, string Status, long Total, DateTimeOffset CreatedAt, IReadOnlyList<string> Items, string? RecipientName, string? DeliveryAddress);

public sealed record ClientPreferences(IReadOnlyList<string> FavouriteProducts, long AverageOrder, string? UsualRecipient);

public sealed record ClientProfile(bool Found, string? Name, string Phone, bool PersonalisationAllowed, IReadOnlyList<string> SavedAddresses,
    string? DefaultAddress, IReadOnlyList<ProfileOrder> RecentOrders, ClientPreferences? Preferences, int OrdersCount);

public static class GetClientProfileHandler
{
    public static async Task<ClientProfile> Handle(GetClientProfile query, IQuerySession session, CancellationToken ct)
    {
        var phone = PhoneNumber.Parse(query.Phone).Value;
        var card = await ClientAccess.FindByPhoneAsync(session, phone, ct);
        if (card is null) return new ClientProfile(false, null, phone, true, [], null, [], null, 0);
        if (!card.PersonalisationAllowed) return new ClientProfile(true, card.Name, phone, false, [], null, [], null, 0);

        var orders = card.OrderIds.Count == 0 ? [] : (await session.LoadManyAsync<OrderDetails>(ct, card.OrderIds)).OrderByDescending(o => o.CreatedAt).ToList();
        var recent = orders.Take(5).Select(o => new ProfileOrder(o.OrderNumber, o.Status, o.Total.Tiyn, o.CreatedAt,
            o.Items.Select(i => i.ProductName).ToList(), o.RecipientName, o.DeliveryAddress)).ToList();
        var favourites = orders.SelectMany(o => o.Items).GroupBy(i => i.ProductName).OrderByDescending(g => g.Sum(i => i.Quantity)).Take(3).Select(g => g.Key).ToList();
        var usualRecipient = orders.Where(o => !string.IsNullOrWhiteSpace(o.RecipientName)).GroupBy(o => o.RecipientName).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        var preferences = orders.Count == 0 ? null : new ClientPreferences(favourites, orders.Sum(o => o.Total.Tiyn) / orders.Count, usualRecipient);
        return new ClientProfile(true, card.Name, phone, true, card.Addresses.OrderByDescending(a => a.LastUsedAt).Select(a => a.Address).ToList(),
            card.DefaultAddress, recent, preferences, card.OrdersCount);
    }
}
