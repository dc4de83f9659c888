using Cvety.Application.Common;
using Cvety.Application.Orders;
using FluentValidation;
using Marten;

namespace Cvety.Application.Platform;

/// <summary>The superadmin's order list across every shop (or one, with <see cref="ShopId"/>), newest first.</summary>
public sealed record ListAllOrders(int? ShopId = null, string? Status = null, int Skip = 0, int Limit = 50)
{
    public sealed class Validator : AbstractValidator<ListAllOrders>
    {
        public Validator()
        {
            RuleFor(x => x.Status).Must(s => s is null || Domain.Orders.OrderStatuses.TryParse(s, out _))
                .WithMessage("'status' must be one of " + string.Join(", ", Domain.Orders.OrderStatuses.AllNames) + ".");
            RuleFor(x => x.Skip).GreaterThanOrEqualTo(0);
            RuleFor(x => x.Limit).InclusiveBetween(1, 200);
        }
    }
}

public static class ListAllOrdersHandler
{
    public static async Task<OrderPage> Handle(ListAllOrders query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        Superadmin.Require(currentUser);
        var orders = query.ShopId is { } shop
            ? session.Query<OrderDetails>().Where(o => o.AnyTenant() && o.ShopId == shop)
            : session.Query<OrderDetails>().Where(o => o.AnyTenant());
        if (query.Status is not null) orders = orders.Where(o => o.Status == query.Status);
        var page = await orders.Stats(out var stats).OrderByDescending(o => o.CreatedAt).Skip(query.Skip).Take(query.Limit).ToListAsync(ct);
        await ShopNames.FillAsync(session, page, o => o.ShopId, (o, name) => o.ShopName = name, ct);
        return new OrderPage(page, stats.TotalResults, query.Skip, query.Limit);
    }
}
