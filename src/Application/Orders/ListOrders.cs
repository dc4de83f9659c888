using Cvety.Application.Common;
using Cvety.Domain.Orders;
using FluentValidation;
using Marten;
using Marten.Linq;

namespace Cvety.Application.Orders;

/// <summary>The order board of the current shop, newest first.</summary>
public sealed record ListOrders(
    string? Status = null, string? Phone = null, string? Search = null, bool AssignedToMe = false,
    DateOnly? DateFrom = null, DateOnly? DateTo = null, int Skip = 0, int Limit = 50)
{
    public sealed class Validator : AbstractValidator<ListOrders>
    {
        public Validator()
        {
            RuleFor(x => x.Status).Must(s => s is null || OrderStatuses.TryParse(s, out _))
                .WithMessage("'Status' must be one of " + string.Join(", ", OrderStatuses.AllNames) + ".");
            RuleFor(x => x.Search).MaximumLength(200);
            RuleFor(x => x.Skip).GreaterThanOrEqualTo(0);
            RuleFor(x => x.Limit).InclusiveBetween(1, 200);
        }
    }
}

public sealed record OrderPage(IReadOnlyList<OrderDetails> Items, long Total, int Skip, int Limit);

public static class ListOrdersHandler
{
    public static async Task<OrderPage> Handle(ListOrders query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var actor = currentUser.RequireStaff();
        IQueryable<OrderDetails> orders = session.Query<OrderDetails>();
        if (query.Status is not null) orders = orders.Where(o => o.Status == query.Status);
        if (!string.IsNullOrWhiteSpace(query.Phone))
        {
            var digits = new string(query.Phone.Where(char.IsAsciiDigit).ToArray());
            var tail = digits.Length > 10 ? digits[^10..] : digits;
            orders = orders.Where(o => o.CustomerPhone.Contains(tail) || o.RecipientPhone!.Contains(tail));
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            orders = orders.Where(o => o.OrderNumber.Contains(s, StringComparison.OrdinalIgnoreCase)
                || o.TrackingId == s
                || o.CustomerName.Contains(s, StringComparison.OrdinalIgnoreCase)
                || o.RecipientName!.Contains(s, StringComparison.OrdinalIgnoreCase)
                || o.DeliveryAddress!.Contains(s, StringComparison.OrdinalIgnoreCase)
                || o.CustomerPhone.Contains(s));
        }
        if (query.AssignedToMe && actor.UserId is { } me) orders = orders.Where(o => o.ResponsibleId == me || o.CourierId == me);
        if (query.DateFrom is { } from) orders = orders.Where(o => o.DeliveryDate >= from);
        if (query.DateTo is { } to) orders = orders.Where(o => o.DeliveryDate <= to);

        var page = await orders.Stats(out var stats).OrderByDescending(o => o.CreatedAt).Skip(query.Skip).Take(query.Limit).ToListAsync(ct);
        return new OrderPage(page, stats.TotalResults, query.Skip, query.Limit);
    }
}
