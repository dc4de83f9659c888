using Cvety.Domain.Products;
using Marten;

namespace Cvety.Application.Products;

/// <summary>The catalog of the current shop. Customers see enabled products only.</summary>
public sealed record ListProducts(string? Type, bool EnabledOnly, int Skip = 0, int Limit = 100);

public sealed record GetProduct(int Id);

public static class ListProductsHandler
{
    public static async Task<IReadOnlyList<Product>> Handle(ListProducts query, IQuerySession session, CancellationToken ct)
    {
        IQueryable<Product> products = session.Query<Product>();
        if (query.EnabledOnly) products = products.Where(p => p.Enabled);
        if (!string.IsNullOrWhiteSpace(query.Type)) products = products.Where(p => p.Type == query.Type);
        return await products.OrderBy(p => p.Id).Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Limit, 1, 500)).ToListAsync(ct);
    }
}

public static class GetProductHandler
{
    public static async Task<Product> Handle(GetProduct query, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Product>(query.Id, ct) ?? throw new Common.NotFoundException("Product", query.Id);
}
