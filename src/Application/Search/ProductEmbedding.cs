namespace Cvety.Application.Search;

/// <summary>The stored vector of a product's primary image, so the in-memory index can be rebuilt at start without re-embedding.</summary>
public sealed class ProductEmbedding
{
    public int Id { get; set; }
    public int ShopId { get; set; }
    public string ImageUrl { get; set; } = "";
    public string Model { get; set; } = "";
    public bool Enabled { get; set; }
    public float[] Vector { get; set; } = [];
    public DateTimeOffset EmbeddedAt { get; set; }

    /// <summary>The product has no image any more: kept (without a vector) so that other nodes learn to drop it.</summary>
    public bool Removed { get; set; }

    /// <summary>When this record last changed; other API nodes pick up changes after their last look.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public bool Searchable => Enabled && !Removed && Vector.Length == IImageEmbedder.Dimensions;
}
