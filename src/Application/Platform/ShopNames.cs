using Cvety.Domain.Shops;
using Marten;

namespace Cvety.Application.Platform;

/// <summary>The platform's lists name each row's shop (<c>shop_name</c>): one query for the shops of a page.</summary>
public static class ShopNames
{
    public static async Task FillAsync<T>(IQuerySession session, IReadOnlyList<T> rows, Func<T, int> shopOf, Action<T, string> set, CancellationToken ct)
    {
        var ids = rows.Select(shopOf).Distinct().ToArray();
        if (ids.Length == 0) return;
        var names = (await session.Query<Shop>().Where(s => s.AnyTenant() && ids.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            .ToDictionary(s => s.Id, s => s.Name);
        foreach (var row in rows)
            if (names.TryGetValue(shopOf(row), out var name)) set(row, name);
    }
}
