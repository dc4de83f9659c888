using System.Diagnostics;
using FluentValidation;
using Marten;

namespace Cvety.Application.Search;

/// <summary>
/// "Find this bouquet": the shop's enabled products whose photo is most like the given one
/// (<c>POST /api/v1/products/search/similar</c>, the legacy contract). <c>exact</c> holds similarity of 0.85 and more,
/// <c>similar</c> 0.70 to 0.85.
/// </summary>
public sealed record SearchSimilarProducts(string? ImageUrl, string? ImageBase64, int? Limit = null, double? MinSimilarity = null)
{
    public const double ExactFrom = 0.85;
    public const double SimilarFrom = 0.70;
    public const int MaxImageBytes = 10 * 1024 * 1024;

    public sealed class Validator : AbstractValidator<SearchSimilarProducts>
    {
        public Validator()
        {
            RuleFor(x => x).Must(x => string.IsNullOrWhiteSpace(x.ImageUrl) != string.IsNullOrWhiteSpace(x.ImageBase64))
                .WithName("image").WithMessage("Send exactly one of image_url and image_base64.");
            RuleFor(x => x.ImageUrl).MaximumLength(2000)
                .Must(u => u is null || (Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                .WithMessage("'image_url' must be an absolute http(s) URL.");
            RuleFor(x => x.ImageBase64).Must(b => b is null || b.Length <= MaxImageBytes * 4 / 3 + 4).WithMessage("The image is larger than 10 MB.");
            RuleFor(x => x.Limit).InclusiveBetween(1, 100);
            RuleFor(x => x.MinSimilarity).InclusiveBetween(0, 1);
        }
    }
}

public sealed record SimilarProduct(int Id, string Name, long Price, string? Image, double Similarity);

public sealed record SimilarProducts(
    IReadOnlyList<SimilarProduct> Exact, IReadOnlyList<SimilarProduct> Similar, IReadOnlyList<SimilarProduct> Results,
    double SearchTimeMs, double EmbeddingTimeMs, int TotalIndexed, string Model);

public static class SearchSimilarProductsHandler
{
    public static async Task<SimilarProducts> Handle(SearchSimilarProducts query, IQuerySession session, IImageEmbedder embedder, ProductVectorIndex index, CancellationToken ct)
    {
        var shopId = Common.Tenancy.ShopOf(session);
        var input = query.ImageBase64 is { } b64 ? ImageInput.FromBytes(Decode(b64)) : ImageInput.FromUrl(query.ImageUrl!);
        var embedStarted = Stopwatch.GetTimestamp();
        var embedding = await embedder.EmbedAsync(input, ct);
        var embedMs = Stopwatch.GetElapsedTime(embedStarted).TotalMilliseconds;

        var started = Stopwatch.GetTimestamp();
        var limit = query.Limit ?? 10;
        var hits = index.Search(shopId, embedding.Vector, limit, (float)(query.MinSimilarity ?? SearchSimilarProducts.SimilarFrom));
        // The index holds enabled products only, with what a result shows: no database round trip.
        var results = hits.Select(h => new SimilarProduct(h.Product.Id, h.Product.Name, h.Product.Price, h.Product.Image, Math.Round(h.Similarity, 4))).ToList();
        var searchMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new SimilarProducts(
            results.Where(r => r.Similarity >= SearchSimilarProducts.ExactFrom).ToList(),
            results.Where(r => r.Similarity is >= SearchSimilarProducts.SimilarFrom and < SearchSimilarProducts.ExactFrom).ToList(),
            results, Math.Round(searchMs, 3), Math.Round(embedMs, 3), index.Count(shopId), embedding.Model);
    }

    private static byte[] Decode(string base64)
    {
        var comma = base64.IndexOf(',');
        var data = base64.StartsWith("data:", StringComparison.Ordinal) && comma > 0 ? base64[(comma + 1)..] : base64;
        try
        {
            return Convert.FromBase64String(data.Trim());
        }
        catch (FormatException)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("image_base64", "'image_base64' is not valid base64.")]);
        }
    }
}
