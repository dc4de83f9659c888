using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Inventory;
using Cvety.Domain.Products;
using Marten;

namespace Cvety.Application.Dashboards;

/// <summary>The catalog's header: enabled, disabled, out of stock (a part of its composition is gone), and the month's best sellers.</summary>
public sealed record GetProductsSummary;

public sealed record ProductSales(int ProductId, string Name, int Quantity, long Revenue);

public sealed record ProductsSummary(int Total, int Enabled, int Disabled, int OutOfStock, int Featured, IReadOnlyList<ProductSales> BestSellers);

public static class GetProductsSummaryHandler
{
    public static async Task<ProductsSummary> Handle(GetProductsSummary _, IQuerySession session, ICurrentUser currentUser, TimeProvider clock, CancellationToken ct)
    {
        currentUser.RequireStaff();
        var products = await session.Query<Product>().Select(p => new { p.Id, p.Enabled, p.IsFeatured, p.Composition }).ToListAsync(ct);
        var gone = (await session.Query<WarehouseItem>().Where(i => i.Available <= 0).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        var best = await BestSellers.InAsync(session, clock.GetUtcNow().AddDays(-30), 10, ct);
        return new ProductsSummary(products.Count, products.Count(p => p.Enabled), products.Count(p => !p.Enabled),
            products.Count(p => p.Composition.Any(c => gone.Contains(c.ItemId))), products.Count(p => p.IsFeatured), best);
    }
}

/// <summary>What sold best since a moment, from the order lines (cancelled orders apart).</summary>
public static class BestSellers
{
    public static async Task<IReadOnlyList<ProductSales>> InAsync(IQuerySession session, DateTimeOffset since, int take, CancellationToken ct, bool anyShop = false)
    {
        var orders = anyShop
            ? session.Query<OrderDetails>().Where(o => o.AnyTenant() && o.CreatedAt >= since && o.Status != "cancelled")
            : session.Query<OrderDetails>().Where(o => o.CreatedAt >= since && o.Status != "cancelled");
        var lines = (await orders.Select(o => o.Items).ToListAsync(ct)).SelectMany(i => i);
        return lines.GroupBy(l => l.ProductId)
            .Select(g => new ProductSales(g.Key, g.First().ProductName, g.Sum(l => l.Quantity), g.Sum(l => l.ItemTotal.Tiyn)))
            .OrderByDescending(s => s.Quantity).ThenByDescending(s => s.Revenue).Take(take).ToList();
    }
}
