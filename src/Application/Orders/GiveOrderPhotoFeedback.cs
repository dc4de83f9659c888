using Cvety.Application.Common;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using FluentValidation;
using Marten;
using Wolverine;

namespace Cvety.Application.Orders;

/// <summary>The customer likes or dislikes the photo of their bouquet, once.</summary>
public sealed record GiveOrderPhotoFeedback(Guid OrderId, string Feedback, string? Comment)
{
    public sealed class Validator : AbstractValidator<GiveOrderPhotoFeedback>
    {
        public Validator()
        {
            RuleFor(x => x.Feedback).Must(f => f is "like" or "dislike").WithMessage("'Feedback' must be like or dislike.");
            RuleFor(x => x.Comment).MaximumLength(1000);
        }
    }
}

public static class GiveOrderPhotoFeedbackHandler
{
    public static async Task<OutgoingMessages> Handle(GiveOrderPhotoFeedback command, IDocumentSession session, Reactions reactions, ICurrentUser currentUser, CancellationToken ct)
    {
        var stream = await OrderStreams.ForWritingAsync(session, command.OrderId, null, ct);
        var origin = Origins.Customer(currentUser.Actor);
        return session.Append(stream, origin, reactions, OrderDecisions.GiveFeedback(stream.Aggregate!, command.Feedback, command.Comment?.Trim(), origin));
    }
}
