using Cvety.Domain.Common;

namespace Cvety.Domain.Reviews;

/// <summary>A customer's review of the shop or of a product. Its text is never edited; staff may hide it, saying why.</summary>
public interface IReviewEvent
{
    Guid ReviewId { get; }
}

/// <summary>A review as the customer wrote it. <paramref name="OrderId"/>: the delivered order it is about, when a tracking id was given.</summary>
public sealed record ReviewSubmitted(Guid ReviewId, int ShopId, int? ProductId, int Rating, string? Text, string AuthorName, Guid? OrderId, Origin By) : IReviewEvent;

public sealed record ReviewPhotoAdded(Guid ReviewId, string Url, Origin By) : IReviewEvent;

public sealed record ReviewHidden(Guid ReviewId, string Reason, Origin By) : IReviewEvent;

public sealed record ReviewShown(Guid ReviewId, Origin By) : IReviewEvent;

public static class ReviewRules
{
    public const int MaxText = 2000;
    public const int MaxPhotos = 5;

    public static void EnsureRating(int rating)
    {
        if (rating is < 1 or > 5) throw new DomainException("A rating is 1 to 5 stars.");
    }
}

/// <summary>Pure decisions about a review. Its text is never edited; asking for what already holds records nothing.</summary>
public static class ReviewDecisions
{
    public static object[] Moderate(Guid reviewId, bool hiddenNow, bool hide, string? reason, Origin by)
    {
        if (hiddenNow == hide) return [];
        if (!hide) return [new ReviewShown(reviewId, by)];
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Say why the review is hidden.");
        return [new ReviewHidden(reviewId, reason.Trim(), by)];
    }
}
