using Marten;

namespace Cvety.Application.Content;

/// <summary>The shop's published FAQs in order (staff see unpublished ones too), in ?lang=ru|kk.</summary>
public sealed record ListFaqs(string? Lang, bool Staff = false);

public static class ListFaqsHandler
{
    public static async Task<IReadOnlyList<FaqView>> Handle(ListFaqs query, IQuerySession session, CancellationToken ct)
    {
        IQueryable<Faq> faqs = session.Query<Faq>();
        if (!query.Staff) faqs = faqs.Where(f => f.Published);
        return (await faqs.OrderBy(f => f.Position).ThenBy(f => f.UpdatedAt).ToListAsync(ct)).Select(f => FaqView.Of(f, query.Lang)).ToList();
    }
}
