using Cvety.Application.Common;
using Cvety.Domain.Shops;
using Marten;

namespace Cvety.Application.Reviews;

/// <summary>The shop's reviews (company ones when <see cref="ProductId"/> is null), newest first, with the average and the count per star.</summary>
public sealed record ListReviews(int? ProductId, int Limit = 50, bool Staff = false, int Offset = 0);

/// <summary>The best recent reviews across active shops, for the marketplace's home page.</summary>
public sealed record ListPlatformReviews(int Limit = 20, int Offset = 0);

public static class ListReviewsHandler
{
    public static async Task<ReviewsPage> Handle(ListReviews query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var staff = query.Staff && currentUser.Actor.IsAuthenticated;
        IQueryable<Review> reviews = session.Query<Review>().Where(r => r.ProductId == query.ProductId);
        if (!staff) reviews = reviews.Where(r => !r.Hidden);
        var all = await reviews.OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        var visible = all.Where(r => !r.Hidden).ToList();
        var (limit, offset) = (Math.Clamp(query.Limit, 1, 200), Math.Max(0, query.Offset));
        return new ReviewsPage(all.Skip(offset).Take(limit).Select(r => ReviewView.Of(r, staff)).ToList(),
            visible.Count == 0 ? 0 : Math.Round(visible.Average(r => r.Rating), 2), visible.Count, Breakdown(visible), limit, offset);
    }

    private static Dictionary<string, int> Breakdown(IReadOnlyList<Review> reviews) =>
        Enumerable.Range(1, 5).Reverse().ToDictionary(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture), s => reviews.Count(r => r.Rating == s));

    /// <summary>The marketplace's home page: the best recent reviews of active shops, each with its shop's name, in the legacy wrapper.</summary>
    public static async Task<ReviewsPage> Handle(ListPlatformReviews query, IQuerySession session, CancellationToken ct)
    {
        var shops = await session.Query<Shop>().Where(s => s.AnyTenant()).ToListAsync(ct);
        var blocked = shops.Where(s => s.IsBlocked).Select(s => s.Id).ToArray();
        var names = shops.ToDictionary(s => s.Id, s => s.Name);
        var best = await session.Query<Review>().Where(r => r.AnyTenant() && !r.Hidden && r.Rating >= 4 && r.Text != null && !blocked.Contains(r.ShopId))
            .OrderByDescending(r => r.CreatedAt).Take(500).ToListAsync(ct);
        var (limit, offset) = (Math.Clamp(query.Limit, 1, 100), Math.Max(0, query.Offset));
        return new ReviewsPage(best.Skip(offset).Take(limit).Select(r => ReviewView.Of(r) with { ShopName = names.GetValueOrDefault(r.ShopId) }).ToList(),
            best.Count == 0 ? 0 : Math.Round(best.Average(r => r.Rating), 2), best.Count, Breakdown(best), limit, offset);
    }
}
