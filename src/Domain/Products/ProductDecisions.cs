using Cvety.Domain.Common;

namespace Cvety.Domain.Products;

/// <summary>
/// Pure decisions about a product. A change that changes nothing records nothing, which is what makes a repeated
/// Bitrix import or webhook a no-op.
/// </summary>
public static class ProductDecisions
{
    public static object[] Create(int productId, int shopId, ProductInfo info, bool enabled, long? bitrixId, IReadOnlyList<ProductImage> images, Origin by)
    {
        var events = new List<object> { new ProductCreated(productId, shopId, Normalised(info), enabled, bitrixId, by) };
        if (images.Count > 0) events.Add(new ProductImagesChanged(productId, Ordered(images), by));
        return [.. events];
    }

    public static object[] Update(Product product, ProductInfo info, Origin by)
    {
        var next = Normalised(info);
        var changed = ChangedFields(product.Info, next);
        return changed.Count == 0 ? [] : [new ProductUpdated(product.Id, next, changed, by)];
    }

    /// <summary>
    /// A partial edit: the availability (when given) and the fields, decided together so that either both are recorded
    /// or neither is.
    /// </summary>
    public static object[] Change(Product product, ProductInfo info, bool? enabled, string? reason, Origin by) =>
        [.. enabled is { } on ? SetAvailability(product, on, reason, by) : [], .. Update(product, info, by)];

    public static object[] SetAvailability(Product product, bool enabled, string? reason, Origin by)
    {
        if (product.Archived && enabled) throw new DomainException("An archived product cannot be put on sale again.");
        return product.Enabled == enabled ? [] : [new ProductAvailabilityChanged(product.Id, enabled, reason, by)];
    }

    public static object[] Archive(Product product, string? reason, Origin by) =>
        product.Archived ? [] : [new ProductArchived(product.Id, reason, by)];

    public static object[] SetImages(Product product, IReadOnlyList<ProductImage> images, Origin by)
    {
        var next = Ordered(images);
        return product.Images.SequenceEqual(next) ? [] : [new ProductImagesChanged(product.Id, next, by)];
    }

    public static object[] AddImage(Product product, string url, bool primary, int maxImages, Origin by)
    {
        if (product.Images.Count >= maxImages) throw new DomainException($"A product has at most {maxImages} images.");
        var images = product.Images.Select(i => primary ? i with { IsPrimary = false } : i).ToList();
        images.Add(new ProductImage(url, images.Count, primary || images.Count == 0));
        return SetImages(product, images, by);
    }

    public static object[] RemoveImage(Product product, string url, Origin by)
    {
        if (product.Images.All(i => i.Url != url)) throw new DomainException("The product has no such image.");
        var rest = product.Images.Where(i => i.Url != url).ToList();
        if (rest.Count > 0 && !rest.Any(i => i.IsPrimary)) rest[0] = rest[0] with { IsPrimary = true };
        return SetImages(product, rest, by);
    }

    /// <summary>One image becomes the main one (shown first in the catalog and the shop); the others keep their order after it.</summary>
    public static object[] MakePrimary(Product product, string url, Origin by)
    {
        if (product.Images.All(i => i.Url != url)) throw new DomainException("The product has no such image.");
        return SetImages(product, product.Images.Select(i => i with { IsPrimary = i.Url == url }).ToList(), by);
    }

    public static object[] SetComposition(Product product, IReadOnlyList<CompositionLine> lines, Origin by)
    {
        if (lines.Any(l => l.Quantity <= 0)) throw new DomainException("Every item of a composition needs a positive quantity.");
        if (lines.GroupBy(l => l.ItemId).Any(g => g.Count() > 1)) throw new DomainException("Each warehouse item appears once in a composition.");
        return product.Composition.SequenceEqual(lines) ? [] : [new ProductCompositionSet(product.Id, lines, by)];
    }

    /// <summary>The primary image first, then in their order; positions renumbered; exactly one primary when there are any.</summary>
    public static IReadOnlyList<ProductImage> Ordered(IReadOnlyList<ProductImage> images)
    {
        var distinct = images.DistinctBy(i => i.Url).OrderByDescending(i => i.IsPrimary).ThenBy(i => i.Order).ToList();
        return distinct.Select((image, index) => new ProductImage(image.Url, index, index == 0)).ToList();
    }

    private static ProductInfo Normalised(ProductInfo info) => info with
    {
        Name = info.Name.Trim(),
        Description = string.IsNullOrWhiteSpace(info.Description) ? null : info.Description.Trim(),
        Colors = Clean(info.Colors),
        Occasions = Clean(info.Occasions),
        Cities = Clean(info.Cities),
        Tags = Clean(info.Tags),
    };

    private static List<string> Clean(IReadOnlyList<string>? values) =>
        (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static IReadOnlyList<string> ChangedFields(ProductInfo before, ProductInfo after)
    {
        var changed = new List<string>();
        void Check(string name, bool same) { if (!same) changed.Add(name); }
        Check("name", before.Name == after.Name);
        Check("price", before.Price == after.Price);
        Check("type", before.Type == after.Type);
        Check("description", before.Description == after.Description);
        Check("manufacturingTime", before.ManufacturingTime == after.ManufacturingTime);
        Check("width", before.Width == after.Width);
        Check("height", before.Height == after.Height);
        Check("shelfLife", before.ShelfLife == after.ShelfLife);
        Check("is_featured", before.IsFeatured == after.IsFeatured);
        Check("colors", (before.Colors ?? []).SequenceEqual(after.Colors ?? []));
        Check("occasions", (before.Occasions ?? []).SequenceEqual(after.Occasions ?? []));
        Check("cities", (before.Cities ?? []).SequenceEqual(after.Cities ?? []));
        Check("tags", (before.Tags ?? []).SequenceEqual(after.Tags ?? []));
        return changed;
    }
}
