using Cvety.Application.Orders;
using System.Net;
using Cvety.Domain.Reviews;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Cvety.Application.Reviews;

/// <summary>A review, projected from its stream in its shop.</summary>
public sealed class Review
{
    public Guid Id { get; set; }
    public int ShopId { get; set; }
    public int? ProductId { get; set; }
    public int Rating { get; set; }
    public string? Text { get; set; }
    public string AuthorName { get; set; } = "";
    public Guid? OrderId { get; set; }
    public List<string> Photos { get; set; } = [];
    public bool Hidden { get; set; }
    public string? HiddenReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed partial class ReviewProjection : SingleStreamProjection<Review, Guid>
{
    public Review Create(IEvent<ReviewSubmitted> e) => new()
    {
        Id = e.Data.ReviewId, ShopId = e.Data.ShopId, ProductId = e.Data.ProductId, Rating = e.Data.Rating, Text = e.Data.Text,
        AuthorName = e.Data.AuthorName, OrderId = e.Data.OrderId, CreatedAt = e.At(),
    };

    public void Apply(ReviewPhotoAdded e, Review review) => review.Photos.Add(e.Url);

    public void Apply(ReviewHidden e, Review review) => (review.Hidden, review.HiddenReason) = (true, e.Reason);

    public void Apply(ReviewShown e, Review review) => (review.Hidden, review.HiddenReason) = (false, null);
}

/// <summary>A review as anyone reads it: the text and name HTML-escaped, whatever the customer typed.</summary>
public sealed record ReviewView(Guid Id, int ShopId, int? ProductId, int Rating, string? Text, string AuthorName, IReadOnlyList<string> Photos,
    bool Verified, DateTimeOffset CreatedAt, bool Hidden = false, string? HiddenReason = null)
{
    /// <summary>The shop's name, on the marketplace's list of every shop's reviews.</summary>
    public string? ShopName { get; init; }

    /// <summary>The legacy answer's votes: Cvety does not take votes on reviews, so none.</summary>
    public int Likes => 0;
    public int Dislikes => 0;

    public static ReviewView Of(Review r, bool staff = false) => new(r.Id, r.ShopId, r.ProductId, r.Rating,
        r.Text is null ? null : WebUtility.HtmlEncode(r.Text), WebUtility.HtmlEncode(r.AuthorName), r.Photos, r.OrderId is not null, r.CreatedAt,
        staff && r.Hidden, staff ? r.HiddenReason : null);
}

/// <summary>Reviews with their average and the count per star.</summary>
/// <summary>A page of reviews with the average and the count per star; <c>stats</c> and <c>pagination</c> are the legacy answer's wrapper.</summary>
public sealed record ReviewsPage(IReadOnlyList<ReviewView> Reviews, double AverageRating, int Total, IReadOnlyDictionary<string, int> Counts, int Limit = 50, int Offset = 0)
{
    public ReviewStats Stats => new(Total, AverageRating, Counts);
    public ReviewPagination Pagination => new(Limit, Offset, Offset + Reviews.Count < Total);
}

public sealed record ReviewStats(int TotalCount, double AverageRating, IReadOnlyDictionary<string, int> RatingBreakdown);

public sealed record ReviewPagination(int Limit, int Offset, bool HasMore);
