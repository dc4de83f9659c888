using System.Text.RegularExpressions;
using Cvety.Application.Common;
using Cvety.Application.Orders;
using FluentValidation;
using Marten;

namespace Cvety.Application.Content;

/// <summary>A published page by its slug, in ?lang=ru|kk.</summary>
public sealed record GetPage(string Slug, string? Lang);

/// <summary>Every page of the shop, published or not (staff).</summary>
public sealed record ListPages;

/// <summary>Staff add a page (<see cref="Id"/> null) or change one. Slugs are lower-case latin letters, digits and dashes, unique in the shop.</summary>
public sealed partial record SavePage(Guid? Id, string? Slug, string? Title, string? Content, string? TitleKk, string? ContentKk, bool? Published)
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex SlugPattern();

    public sealed class Validator : AbstractValidator<SavePage>
    {
        public Validator()
        {
            RuleFor(x => x.Slug).NotEmpty().When(x => x.Id is null).MaximumLength(100)
                .Must(s => s is null || SlugPattern().IsMatch(s)).WithMessage("'slug' is lower-case latin letters, digits and dashes, such as delivery-terms.");
            RuleFor(x => x.Title).NotEmpty().When(x => x.Id is null).MaximumLength(300);
            RuleFor(x => x.Content).NotEmpty().When(x => x.Id is null).MaximumLength(100_000);
            RuleFor(x => x.TitleKk).MaximumLength(300);
            RuleFor(x => x.ContentKk).MaximumLength(100_000);
        }
    }
}

public static class PagesHandler
{
    public static async Task<PageView> Handle(GetPage query, IQuerySession session, CancellationToken ct) =>
        PageView.Of(await session.Query<Page>().FirstOrDefaultAsync(p => p.Slug == query.Slug && p.Published, ct) ?? throw new NotFoundException("Page", query.Slug), query.Lang);

    public static async Task<IReadOnlyList<Page>> Handle(ListPages _, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        Content.RequireEditor(currentUser);
        return await session.Query<Page>().OrderBy(p => p.Slug).ToListAsync(ct);
    }

    public static async Task<Page> Handle(SavePage command, IDocumentSession session, ICurrentUser currentUser, TimeProvider clock, CancellationToken ct)
    {
        var actor = Content.RequireEditor(currentUser);
        var page = command.Id is { } id ? await session.LoadAsync<Page>(id, ct) ?? throw new NotFoundException("Page", id) : new Page { Id = Guid.CreateVersion7(), ShopId = Tenancy.ShopOf(session) };
        var slug = command.Slug?.Trim() ?? page.Slug;
        if (slug != page.Slug && await session.Query<Page>().AnyAsync(p => p.Slug == slug, ct)) throw new ConflictException($"The shop already has a page '{slug}'.");
        page.Slug = slug;
        page.Title = command.Title?.Trim() ?? page.Title;
        page.Content = command.Content ?? page.Content;
        page.TitleKk = command.TitleKk is null ? page.TitleKk : command.TitleKk.Trim();
        page.ContentKk = command.ContentKk ?? page.ContentKk;
        page.Published = command.Published ?? page.Published;
        (page.UpdatedBy, page.UpdatedAt) = (actor, clock.GetUtcNow());
        session.Store(page);
        return page;
    }
}
