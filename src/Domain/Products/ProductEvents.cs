using Cvety.Domain.Common;

namespace Cvety.Domain.Products;

// The facts of a product's life, as orders have theirs: each names the product first and says who and from where.

public interface IProductEvent
{
    int ProductId { get; }
    Origin By { get; }
}

/// <summary>The fields staff edit and Bitrix sends. Lists are never null.</summary>
public sealed record ProductInfo(
    string Name,
    Money Price,
    string Type,
    string? Description = null,
    int? ManufacturingTime = null,
    int? Width = null,
    int? Height = null,
    int? ShelfLife = null,
    bool IsFeatured = false,
    IReadOnlyList<string>? Colors = null,
    IReadOnlyList<string>? Occasions = null,
    IReadOnlyList<string>? Cities = null,
    IReadOnlyList<string>? Tags = null);

public sealed record ProductImage(string Url, int Order, bool IsPrimary)
{
    /// <summary>
    /// The image's id for clients that name images by id (the admin SPA: <c>DELETE /products/{id}/images/{image_id}</c>):
    /// a positive number derived from the URL, so it is the same in every answer and survives reordering.
    /// </summary>
    public int Id => IdOf(Url);

    public static int IdOf(string url)
    {
        // FNV-1a: stable across processes and runs, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in url) hash = (hash ^ c) * 16777619u;
        return (int)(hash & 0x7FFFFFFF);
    }
}

/// <summary>One warehouse item a product is made of, and how many of it.</summary>
public sealed record CompositionLine(Guid ItemId, int Quantity);

public sealed record ProductCreated(int ProductId, int ShopId, ProductInfo Info, bool Enabled, long? BitrixId, Origin By) : IProductEvent;

/// <summary>New values of the editable fields; <paramref name="Changed"/> names the fields that differ from before.</summary>
public sealed record ProductUpdated(int ProductId, ProductInfo Info, IReadOnlyList<string> Changed, Origin By) : IProductEvent;

public sealed record ProductAvailabilityChanged(int ProductId, bool Enabled, string? Reason, Origin By) : IProductEvent;

/// <summary>The product is withdrawn for good (the legacy DELETE): out of the catalog and search, still on past orders and in history.</summary>
public sealed record ProductArchived(int ProductId, string? Reason, Origin By) : IProductEvent;

/// <summary>The whole image list after the change (added, removed or reordered), the primary one first.</summary>
public sealed record ProductImagesChanged(int ProductId, IReadOnlyList<ProductImage> Images, Origin By) : IProductEvent;

public sealed record ProductCompositionSet(int ProductId, IReadOnlyList<CompositionLine> Lines, Origin By) : IProductEvent;
