using Cvety.Application.Common;
using Cvety.Application.Shops;
using Cvety.Domain.Orders;
using FluentValidation;
using Marten;

namespace Cvety.Application.Orders;

/// <summary>
/// The staff board of the current shop in one query: every open order by status, and the orders delivered or cancelled
/// today (in the shop's time zone). Filters: delivery date, "mine", an assignee, a phone or a number or a name.
/// </summary>
public sealed record GetOrderBoard(DateOnly? Date = null, bool Mine = false, string? Search = null, Guid? Assignee = null, int PerColumn = 200)
{
    public sealed class Validator : AbstractValidator<GetOrderBoard>
    {
        public Validator()
        {
            RuleFor(x => x.Search).MaximumLength(200);
            RuleFor(x => x.PerColumn).InclusiveBetween(1, 500);
        }
    }
}

public sealed record BoardColumn(string Status, bool Closed, IReadOnlyList<OrderDetails> Orders, int Total);

public sealed record OrderBoard(DateOnly Today, TimeSpan UtcOffset, IReadOnlyList<BoardColumn> Columns);

public static class GetOrderBoardHandler
{
    public static readonly OrderStatus[] Open = [OrderStatus.New, OrderStatus.Paid, OrderStatus.Accepted, OrderStatus.Assembled, OrderStatus.InDelivery];
    public static readonly OrderStatus[] Closed = [OrderStatus.Delivered, OrderStatus.Cancelled];

    public static async Task<OrderBoard> Handle(GetOrderBoard query, IQuerySession session, ICurrentUser currentUser, TimeProvider clock, CancellationToken ct)
    {
        var actor = currentUser.RequireStaff();
        var settings = await ShopWithSettings.LoadAsync(session, Tenancy.ShopOf(session), ct);
        var offset = settings.Hours.UtcOffset;
        var now = clock.GetUtcNow().ToOffset(offset);
        var today = DateOnly.FromDateTime(now.DateTime);
        var startOfToday = new DateTimeOffset(now.Date, offset);

        var open = Open.Select(s => s.Name()).ToArray();
        var closed = Closed.Select(s => s.Name()).ToArray();
        IQueryable<OrderDetails> orders = session.Query<OrderDetails>()
            .Where(o => open.Contains(o.Status) || (closed.Contains(o.Status) && o.UpdatedAt >= startOfToday));
        if (query.Date is { } date) orders = orders.Where(o => o.DeliveryDate == date);
        if (query.Mine && actor.UserId is { } me) orders = orders.Where(o => o.ResponsibleId == me || o.CourierId == me);
        if (query.Assignee is { } assignee) orders = orders.Where(o => o.ResponsibleId == assignee || o.CourierId == assignee);
        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            var digits = new string(search.Where(char.IsAsciiDigit).ToArray());
            var tail = digits.Length > 10 ? digits[^10..] : digits;
            orders = digits.Length >= 4 && !search.StartsWith('#')
                ? orders.Where(o => o.CustomerPhone.Contains(tail) || o.RecipientPhone!.Contains(tail))
                : orders.Where(o => o.OrderNumber.Contains(search, StringComparison.OrdinalIgnoreCase)
                    || o.CustomerName.Contains(search, StringComparison.OrdinalIgnoreCase)
                    || o.RecipientName!.Contains(search, StringComparison.OrdinalIgnoreCase));
        }
        var found = await orders.OrderBy(o => o.DeliveryDate).ThenBy(o => o.CreatedAt).ToListAsync(ct);

        var columns = Open.Select(s => (Status: s, Closed: false)).Concat(Closed.Select(s => (Status: s, Closed: true)))
            .Select(c =>
            {
                var inColumn = found.Where(o => o.Status == c.Status.Name()).ToList();
                return new BoardColumn(c.Status.Name(), c.Closed, inColumn.Take(query.PerColumn).ToList(), inColumn.Count);
            })
            .ToList();
        return new OrderBoard(today, offset, columns);
    }
}
