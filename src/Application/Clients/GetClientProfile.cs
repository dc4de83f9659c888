using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Application.Users;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
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

/// <summary>What the client spends per order (tiyn), as the legacy profile had it.</summary>
public sealed record ClientBudget(long Avg, long Min, long Max, int TotalOrders);

/// <summary>Someone the client sends flowers to, and how often.</summary>
public sealed record FrequentRecipient(string Name, string? Phone, string? Address, int Count);

/// <summary>
/// A client's profile for the AI agent. The legacy profile's fields (<c>client_id</c>, <c>allow_personalization</c>,
/// <c>budget</c>, <c>frequent_recipients</c>, <c>last_order_at</c>) beside Cvety's; empty when the client opted out.
/// </summary>
public sealed record ClientProfile(bool Found, string? Name, string Phone, bool PersonalisationAllowed, IReadOnlyList<string> SavedAddresses,
    string? DefaultAddress, IReadOnlyList<ProfileOrder> RecentOrders, ClientPreferences? Preferences, int OrdersCount,
    Guid? ClientId = null, ClientBudget? Budget = null, IReadOnlyList<FrequentRecipient>? FrequentRecipients = null, DateTimeOffset? LastOrderAt = null)
{
    public bool AllowPersonalization => PersonalisationAllowed;
}

public static class GetClientProfileHandler
{
    public static async Task<ClientProfile> Handle(GetClientProfile query, IQuerySession session, CancellationToken ct)
    {
        var phone = PhoneNumber.Parse(query.Phone).Value;
        var card = await ClientAccess.FindByPhoneAsync(session, phone, ct);
        if (card is null) return new ClientProfile(false, null, phone, true, [], null, [], null, 0);
        if (!card.PersonalisationAllowed) return new ClientProfile(true, card.Name, phone, false, [], null, [], null, 0, card.Id, null, []);

        var orders = card.OrderIds.Count == 0 ? [] : (await session.LoadManyAsync<OrderDetails>(ct, card.OrderIds)).OrderByDescending(o => o.CreatedAt).ToList();
        var recent = orders.Take(5).Select(o => new ProfileOrder(o.OrderNumber, o.Status, o.Total.Tiyn, o.CreatedAt,
            o.Items.Select(i => i.ProductName).ToList(), o.RecipientName, o.DeliveryAddress)).ToList();
        var favourites = orders.SelectMany(o => o.Items).GroupBy(i => i.ProductName).OrderByDescending(g => g.Sum(i => i.Quantity)).Take(3).Select(g => g.Key).ToList();
        var usualRecipient = orders.Where(o => !string.IsNullOrWhiteSpace(o.RecipientName)).GroupBy(o => o.RecipientName).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        var preferences = orders.Count == 0 ? null : new ClientPreferences(favourites, orders.Sum(o => o.Total.Tiyn) / orders.Count, usualRecipient);
        var kept = orders.Where(o => o.Status != OrderStatus.Cancelled.Name()).ToList();
        var budget = kept.Count == 0 ? null
            : new ClientBudget(kept.Sum(o => o.Total.Tiyn) / kept.Count, kept.Min(o => o.Total.Tiyn), kept.Max(o => o.Total.Tiyn), kept.Count);
        var recipients = orders.Where(o => !string.IsNullOrWhiteSpace(o.RecipientName))
            .GroupBy(o => (o.RecipientName!.Trim(), o.RecipientPhone))
            .Select(g => new FrequentRecipient(g.Key.Item1, g.Key.RecipientPhone, g.First().DeliveryAddress, g.Count()))
            .OrderByDescending(r => r.Count).Take(5).ToList();
        return new ClientProfile(true, card.Name, phone, true, card.Addresses.OrderByDescending(a => a.LastUsedAt).Select(a => a.Address).ToList(),
            card.DefaultAddress, recent, preferences, card.OrdersCount, card.Id, budget, recipients, orders.FirstOrDefault()?.CreatedAt);
    }
}
