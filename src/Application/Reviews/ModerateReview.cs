using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Reviews;
using FluentValidation;
using Marten;

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
    // The session: who did it goes on the events' metadata.
    public static async Task Handle(ModerateReview command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = Origins.Of(currentUser.RequireStaff());
        var review = await session.LoadAsync<Review>(command.ReviewId, ct) ?? throw new NotFoundException("Review", command.ReviewId);
        if (review.Hidden == command.Hidden) return;
        session.Stamp(origin);
        session.Events.Append(review.Id, command.Hidden ? new ReviewHidden(review.Id, command.Reason!.Trim(), origin) : new ReviewShown(review.Id, origin));
    }
}
