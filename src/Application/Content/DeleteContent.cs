using Cvety.Application.Common;
using Marten;

namespace Cvety.Application.Content;

/// <summary>Staff remove a FAQ or a page: a soft delete, the row stays (Marten's soft-delete flag), the public no longer sees it.</summary>
public sealed record DeleteFaq(Guid Id);

public sealed record DeletePage(Guid Id);

public static class DeleteContentHandler
{
    public static async Task Handle(DeleteFaq command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        Content.RequireEditor(currentUser);
        var faq = await session.LoadAsync<Faq>(command.Id, ct) ?? throw new NotFoundException("FAQ", command.Id);
        session.Delete(faq);
    }

    public static async Task Handle(DeletePage command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        Content.RequireEditor(currentUser);
        var page = await session.LoadAsync<Page>(command.Id, ct) ?? throw new NotFoundException("Page", command.Id);
        session.Delete(page);
    }
}
