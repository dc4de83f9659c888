using Cvety.Api.Auth;
using Cvety.Application.Content;
using Cvety.Application.Reviews;
using Cvety.Domain.Shops;
using Wolverine;

namespace Cvety.Api.Endpoints;

/// <summary>FAQs, static pages and reviews: public to read (with ?shop_id=), staff to edit; reviews are posted by customers without an account.</summary>
public static class ContentEndpoints
{
    public const string ReviewsPolicy = "reviews";

    public sealed record ReviewBody(int Rating, string? Text, string? AuthorName, string? Name, string? TrackingId);
    public sealed record HideBody(string? Reason);

    public static IEndpointRouteBuilder MapContentEndpoints(this IEndpointRouteBuilder app)
    {
        var faqs = app.MapGroup("/api/v1/faqs").WithTags("Content");
        faqs.MapGet("/", async (IMessageBus bus, HttpContext http, string? lang) =>
                Lists.Array(http, await bus.InvokeForTenantAsync<IReadOnlyList<FaqView>>(Shop.TenantIdFor(ShopScope.ShopOf(http)),
                    new ListFaqs(lang, Staff: http.User.Identity?.IsAuthenticated == true), http.RequestAborted)))
            .AllowAnonymous()
            .WithSummary("The shop's FAQs as a JSON array (?shop_id=, ?lang=ru|kk); staff see unpublished ones too.");
        faqs.MapPost("/", async (SaveFaq body, IMessageBus bus, HttpContext http) =>
                Results.Created("/api/v1/faqs", await bus.InvokeForShopAsync<FaqView>(http, body with { Id = null })))
            .RequireAuthorization().WithSummary("Add a FAQ ({question, answer, question_kk, answer_kk, category, position, published}).");
        faqs.MapPut("/{id:guid}", (Guid id, SaveFaq body, IMessageBus bus, HttpContext http) => bus.InvokeForShopAsync<FaqView>(http, body with { Id = id }))
            .RequireAuthorization().WithSummary("Change a FAQ.");
        faqs.MapDelete("/{id:guid}", async (Guid id, IMessageBus bus, HttpContext http) =>
            {
                await bus.InvokeForShopAsync(http, new DeleteFaq(id));
                return Results.NoContent();
            })
            .RequireAuthorization().WithSummary("Remove a FAQ (a soft delete).");

        // The MCP server's get_faq asks /content/faqs, which the legacy backend never served (404): the same list.
        app.MapGet("/api/v1/content/faqs", async (IMessageBus bus, HttpContext http, string? lang) =>
                Lists.Array(http, await bus.InvokeForTenantAsync<IReadOnlyList<FaqView>>(Shop.TenantIdFor(ShopScope.ShopOf(http)),
                    new ListFaqs(lang, Staff: http.User.Identity?.IsAuthenticated == true), http.RequestAborted)))
            .AllowAnonymous().WithTags("Content")
            .WithSummary("The MCP server's path of GET /api/v1/faqs.");

        var pages = app.MapGroup("/api/v1/pages").WithTags("Content");
        pages.MapGet("/{slug}", (string slug, IMessageBus bus, HttpContext http, string? lang) =>
                bus.InvokeForTenantAsync<PageView>(Shop.TenantIdFor(ShopScope.ShopOf(http)), new GetPage(slug, lang), http.RequestAborted))
            .AllowAnonymous().WithSummary("A published page by slug (?shop_id=, ?lang=ru|kk).");
        pages.MapGet("/", async (IMessageBus bus, HttpContext http) => Lists.Array(http, await bus.InvokeForShopAsync<IReadOnlyList<Page>>(http, new ListPages())))
            .RequireAuthorization().WithSummary("Every page of the shop (staff).");
        pages.MapPost("/", async (SavePage body, IMessageBus bus, HttpContext http) =>
            {
                var page = await bus.InvokeForShopAsync<Page>(http, body with { Id = null });
                return Results.Created($"/api/v1/pages/{page.Slug}", page);
            })
            .RequireAuthorization().WithSummary("Add a page ({slug, title, content, title_kk, content_kk, published}).");
        pages.MapPut("/{id:guid}", (Guid id, SavePage body, IMessageBus bus, HttpContext http) => bus.InvokeForShopAsync<Page>(http, body with { Id = id }))
            .RequireAuthorization().WithSummary("Change a page.");
        pages.MapDelete("/{id:guid}", async (Guid id, IMessageBus bus, HttpContext http) =>
            {
                await bus.InvokeForShopAsync(http, new DeletePage(id));
                return Results.NoContent();
            })
            .RequireAuthorization().WithSummary("Remove a page (a soft delete).");

        var reviews = app.MapGroup("/api/v1/reviews").WithTags("Reviews");
        reviews.MapGet("/company", (IMessageBus bus, HttpContext http, int? limit, int? offset) =>
                bus.InvokeForTenantAsync<ReviewsPage>(Shop.TenantIdFor(ShopScope.ShopOf(http)), new ListReviews(null, limit ?? 50, Staff: http.User.Identity?.IsAuthenticated == true, Offset: offset ?? 0), http.RequestAborted))
            .AllowAnonymous().WithSummary("The shop's reviews (?shop_id=) with average_rating and counts per star; text HTML-escaped.");
        reviews.MapPost("/company", (ReviewBody body, IMessageBus bus, HttpContext http) => SubmitAsync(bus, http, null, body))
            .AllowAnonymous().RequireClusterLimit(ReviewsPolicy, "Cvety:RateLimits:ReviewsPerHour", 10, TimeSpan.FromHours(1))
            .WithSummary("A customer reviews the shop ({rating, text, author_name, tracking_id}); with a tracking id, only a delivered order, once.");
        reviews.MapGet("/product/{productId:int}", (int productId, IMessageBus bus, HttpContext http, int? limit, int? offset) =>
                bus.InvokeForTenantAsync<ReviewsPage>(Shop.TenantIdFor(ShopScope.ShopOf(http)), new ListReviews(productId, limit ?? 50, Staff: http.User.Identity?.IsAuthenticated == true, Offset: offset ?? 0), http.RequestAborted))
            .AllowAnonymous().WithSummary("A product's reviews (?shop_id=) with average_rating and counts per star.");
        reviews.MapPost("/product/{productId:int}", (int productId, ReviewBody body, IMessageBus bus, HttpContext http) => SubmitAsync(bus, http, productId, body))
            .AllowAnonymous().RequireClusterLimit(ReviewsPolicy, "Cvety:RateLimits:ReviewsPerHour", 10, TimeSpan.FromHours(1)).WithSummary("A customer reviews a product of the shop.");
        reviews.MapPost("/product/{productId:int}/{reviewId:guid}/photos", async (int productId, Guid reviewId, IFormFile? file, IMessageBus bus, HttpContext http) =>
            {
                var content = await Uploads.ReadAsync(file, AddReviewPhoto.MaxBytes, http.RequestAborted);
                var url = await bus.InvokeForTenantAsync<string>(Shop.TenantIdFor(ShopScope.PublicShopOf(http)), new AddReviewPhoto(productId, reviewId, content), http.RequestAborted);
                return Results.Created(url, new { url });
            })
            .AllowAnonymous().RequireClusterLimit(ReviewsPolicy, "Cvety:RateLimits:ReviewsPerHour", 10, TimeSpan.FromHours(1)).DisableAntiforgery()
            .WithSummary("Add a photo (multipart 'file', JPEG, PNG or WebP) to a product review (?shop_id=).");
        reviews.MapGet("/platform", (IMessageBus bus, HttpContext http, int? limit, int? offset) =>
                bus.InvokeAsync<ReviewsPage>(new ListPlatformReviews(limit ?? 20, offset ?? 0), http.RequestAborted))
            .AllowAnonymous().WithSummary("The best recent reviews across active shops, each with its shop_name: {reviews, stats, pagination}.");
        reviews.MapPut("/{reviewId:guid}/hide", async (Guid reviewId, HideBody body, IMessageBus bus, HttpContext http) =>
            {
                await bus.InvokeForShopAsync(http, new ModerateReview(reviewId, true, body.Reason));
                return Results.NoContent();
            })
            .RequireAuthorization().WithSummary("Hide a review, saying why ({reason}); its text is never edited.");
        reviews.MapPut("/{reviewId:guid}/show", async (Guid reviewId, IMessageBus bus, HttpContext http) =>
            {
                await bus.InvokeForShopAsync(http, new ModerateReview(reviewId, false, null));
                return Results.NoContent();
            })
            .RequireAuthorization().WithSummary("Show a hidden review again.");
        return app;
    }

    private static async Task<IResult> SubmitAsync(IMessageBus bus, HttpContext http, int? productId, ReviewBody body)
    {
        var tenant = Shop.TenantIdFor(ShopScope.PublicShopOf(http));
        var id = await bus.InvokeForTenantAsync<Guid>(tenant, new SubmitReview(productId, body.Rating, body.Text, body.AuthorName ?? body.Name, body.TrackingId), http.RequestAborted);
        return Results.Created($"/api/v1/reviews/{id}", new { id, status = "published" });
    }
}
