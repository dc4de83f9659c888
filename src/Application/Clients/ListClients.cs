using Cvety.Application.Orders;
using Cvety.Application.Common;
using FluentValidation;
using Marten;
using Marten.Linq;

namespace Cvety.Application.Clients;

/// <summary>The shop's clients, those without orders too: search by name or phone, most recent order first.</summary>
public sealed record ListClients(string? Search = null, int Skip = 0, int Limit = 50, string? Sort = null)
{
    public static readonly string[] Sorts = ["last_order", "name", "orders", "created"];

    public sealed class Validator : AbstractValidator<ListClients>
    {
        public Validator()
        {
            RuleFor(x => x.Search).MaximumLength(200);
            RuleFor(x => x.Skip).GreaterThanOrEqualTo(0);
            RuleFor(x => x.Limit).InclusiveBetween(1, 500);
            RuleFor(x => x.Sort).Must(s => s is null || Sorts.Contains(s)).WithMessage("'sort' must be one of " + string.Join(", ", Sorts) + ".");
        }
    }
}

public sealed record ClientPage(IReadOnlyList<ClientCard> Items, long Total);

public static class ListClientsHandler
{
    public static async Task<ClientPage> Handle(ListClients query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        currentUser.RequireStaff();
        IQueryable<ClientCard> clients = session.Query<ClientCard>();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
            var tail = digits.Length > 10 ? digits[^10..] : digits;
            clients = tail.Length >= 3
                ? clients.Where(c => c.Phone.Contains(tail) || c.Name!.Contains(text, StringComparison.OrdinalIgnoreCase))
                : clients.Where(c => c.Name!.Contains(text, StringComparison.OrdinalIgnoreCase));
        }
        clients = query.Sort switch
        {
            "name" => clients.OrderBy(c => c.Name),
            "orders" => clients.OrderByDescending(c => c.OrdersCount),
            "created" => clients.OrderByDescending(c => c.CreatedAt),
            _ => clients.OrderByDescending(c => c.LastSeenAt),
        };
        var page = await clients.Stats(out var stats).Skip(query.Skip).Take(query.Limit).ToListAsync(ct);
        var last = page.Where(c => c.OrderIds.Count > 0).Select(c => c.OrderIds[^1]).ToArray();
        if (last.Length > 0)
        {
            var statuses = (await session.LoadManyAsync<Orders.OrderDetails>(ct, last)).ToDictionary(o => o.Id, o => o.Status);
            foreach (var card in page.Where(c => c.OrderIds.Count > 0)) card.LastOrderStatus = statuses.GetValueOrDefault(card.OrderIds[^1]);
        }
        return new ClientPage(page, stats.TotalResults);
    }
}
