using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Reviews;
using Cvety.Domain.Users;
using FluentValidation;
using Marten;
using Wolverine.Marten;

namespace Cvety.Application.Reviews;

/// <summary>Staff hide a review, saying why, or show it again. Its text is never edited.</summary>
public sealed record ModerateReview(Guid ReviewId, bool Hidden, string? Reason)
{
    public sealed class Validator : AbstractValidator<ModerateReview>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().When(x => x.Hidden).WithMessage("Say why the review is hidden.");
            RuleFor(x => x.Reason).MaximumLength(500);
        }
    }
}

public static class ModerateReviewHandler
{
    // Wolverine loads the review in the caller's shop (another
    // shop's is not there: 404) and appends what is returned, expecting the version it loaded.
    public static object[] Handle(ModerateReview command, [WriteAggregate(Required = false)] Review? review, ICurrentUser currentUser)
    {
        var origin = Origins.Of(currentUser.Require(Permission.ModerateReviews, "Only the shop's staff moderate its reviews."));
        if (review is null) throw new NotFoundException("Review", command.ReviewId);
        return ReviewDecisions.Moderate(review.Id, review.Hidden, command.Hidden, command.Reason, origin);
    }
}
