using Cvety.Application.Common;
using Cvety.Domain.Shops;
using Marten;

namespace Cvety.Application.Reviews;

/// <summary>The shop's reviews (company ones when <see cref="ProductId"/> is null), newest first, with the average and the count per star.</summary>
public sealed record ListReviews(int? ProductId, int Limit = 50, bool Staff = false);

/// <summary>The best recent reviews across active shops, for the marketplace's home page.</summary>
public sealed record ListPlatformReviews(int Limit = 20);

public static class ListReviewsHandler
{
    public static async Task<ReviewsPage> Handle(ListReviews query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var staff = query.Staff && currentUser.Actor.IsAuthenticated;
        IQueryable<Review> reviews = session.Query<Review>().Where(r => r.ProductId == query.ProductId);
        if (!staff) reviews = reviews.Where(r => !r.Hidden);
        var all = await reviews.OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        var visible = all.Where(r => !r.Hidden).ToList();
        return new ReviewsPage(all.Take(Math.Clamp(query.Limit, 1, 200)).Select(r => ReviewView.Of(r, staff)).ToList(),
            visible.Count == 0 ? 0 : Math.Round(visible.Average(r => r.Rating), 2), visible.Count,
            Enumerable.Range(1, 5).ToDictionary(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture), s => visible.Count(r => r.Rating == s)));
    }

    public static async Task<IReadOnlyList<ReviewView>> Handle(ListPlatformReviews query, IQuerySession session, CancellationToken ct)
    {
        var blocked = (await session.Query<Shop>().Where(s => s.AnyTenant() && s.IsBlocked).Select(s => s.Id).ToListAsync(ct)).ToArray();
        var best = await session.Query<Review>().Where(r => r.AnyTenant() && !r.Hidden && r.Rating >= 4 && r.Text != null && !blocked.Contains(r.ShopId))
            .OrderByDescending(r => r.CreatedAt).Take(Math.Clamp(query.Limit, 1, 100)).ToListAsync(ct);
        return best.Select(r => ReviewView.Of(r)).ToList();
    }
}
