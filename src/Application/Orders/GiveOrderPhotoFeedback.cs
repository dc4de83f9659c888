using Cvety.Application.Common;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using FluentValidation;
using Marten;
using Wolverine;
using Wolverine.Marten;

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
    public static object[] Handle(GiveOrderPhotoFeedback command, [WriteAggregate(Required = false)] Order? order, ICurrentUser currentUser)
    {
        var origin = Origins.Customer(currentUser.Actor);
        return [OrderDecisions.GiveFeedback(order.OrFail(command.OrderId), command.Feedback, command.Comment?.Trim(), origin)];
    }
}
