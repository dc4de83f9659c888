namespace Cvety.Application.Search;

/// <summary>A search result's face: id, name, price in tiyn, primary image.</summary>
public sealed record ProductCard(int Id, string Name, long Price, string? Image);

/// <summary>The stored vector of a product's primary image, so the in-memory index can be rebuilt at start without re-embedding.</summary>
public sealed class ProductEmbedding
{
    public int Id { get; set; }
    public int ShopId { get; set; }
    public string ImageUrl { get; set; } = "";
    public string Model { get; set; } = "";
    public bool Enabled { get; set; }

    /// <summary>What a search result shows, kept beside the vector so that a photo search needs no database round trip.</summary>
    public string Name { get; set; } = "";
    public long Price { get; set; }
    public string? Image { get; set; }

    public ProductCard Card => new(Id, Name, Price, Image);

    /// <summary>Takes the product's current name, price, image and availability; true when anything changed.</summary>
    public bool Follow(Domain.Products.Product product)
    {
        var changed = Enabled != product.Enabled || Name != product.Name || Price != product.Price.Tiyn || Image != product.Image;
        Enabled = product.Enabled;
        Name = product.Name;
        Price = product.Price.Tiyn;
        Image = product.Image;
        return changed;
    }
    public float[] Vector { get; set; } = [];
    public DateTimeOffset EmbeddedAt { get; set; }

    /// <summary>The product has no image any more: kept (without a vector) so that other nodes learn to drop it.</summary>
    public bool Removed { get; set; }

    /// <summary>When this record last changed; other API nodes pick up changes after their last look.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public bool Searchable => Enabled && !Removed && Vector.Length == IImageEmbedder.Dimensions;
}
