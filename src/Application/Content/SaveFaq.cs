using Cvety.Domain.Users;
using Cvety.Application.Common;
using Cvety.Application.Orders;
using FluentValidation;
using Marten;

namespace Cvety.Application.Content;

/// <summary>Staff add a FAQ (<see cref="Id"/> null) or change one.</summary>
public sealed record SaveFaq(Guid? Id, string? Question, string? Answer, string? QuestionKk, string? AnswerKk, string? Category, int? Position, bool? Published)
{
    public sealed class Validator : AbstractValidator<SaveFaq>
    {
        public Validator()
        {
            RuleFor(x => x.Question).NotEmpty().When(x => x.Id is null).MaximumLength(500);
            RuleFor(x => x.Answer).NotEmpty().When(x => x.Id is null).MaximumLength(5000);
            RuleFor(x => x.QuestionKk).MaximumLength(500);
            RuleFor(x => x.AnswerKk).MaximumLength(5000);
            RuleFor(x => x.Category).MaximumLength(100);
            RuleFor(x => x.Position).InclusiveBetween(0, 10_000);
        }
    }
}

public static class SaveFaqHandler
{
    public static async Task<FaqView> Handle(SaveFaq command, IDocumentSession session, ICurrentUser currentUser, TimeProvider clock, CancellationToken ct)
    {
        var actor = Content.RequireEditor(currentUser);
        var faq = command.Id is { } id ? await session.LoadAsync<Faq>(id, ct) ?? throw new NotFoundException("FAQ", id) : new Faq { Id = Guid.CreateVersion7(), ShopId = Tenancy.ShopOf(session) };
        faq.Question = command.Question?.Trim() ?? faq.Question;
        faq.Answer = command.Answer?.Trim() ?? faq.Answer;
        faq.QuestionKk = command.QuestionKk is null ? faq.QuestionKk : command.QuestionKk.Trim();
        faq.AnswerKk = command.AnswerKk is null ? faq.AnswerKk : command.AnswerKk.Trim();
        faq.Category = command.Category is null ? faq.Category : command.Category.Trim();
        faq.Position = command.Position ?? faq.Position;
        faq.Published = command.Published ?? faq.Published;
        (faq.UpdatedBy, faq.UpdatedAt) = (actor, clock.GetUtcNow());
        session.Store(faq);
        return FaqView.Of(faq, "ru");
    }
}

public static class Content
{
    /// <summary>A DIRECTOR or MANAGER edits the shop's content; answers who, for the document's record.</summary>
    public static string RequireEditor(ICurrentUser currentUser) =>
        currentUser.Require(Permission.ManageContent, "Only a DIRECTOR or MANAGER edits the shop's content.").UserId!.Value.ToString();
}
