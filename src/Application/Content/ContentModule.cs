using Cvety.Application.Reviews;
using JasperFx.Events.Projections;
using Marten;

namespace Cvety.Application.Content;

public static class ContentModule
{
    /// <summary>FAQs and pages (soft-deleted, per shop) and reviews (event streams, the review projected inline).</summary>
    public static StoreOptions AddContent(this StoreOptions opts)
    {
        opts.Schema.For<Faq>().SoftDeleted();
        opts.Schema.For<Page>().SoftDeleted().Index(p => p.Slug);
        opts.Projections.Add<ReviewProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<Review>().Index(r => r.OrderId!).Index(r => r.ProductId!);
        return opts;
    }
}
