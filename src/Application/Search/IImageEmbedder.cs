namespace Cvety.Application.Search;

/// <summary>An image to embed: a URL (ours, relative like <c>/media/...</c>, or absolute) or the bytes themselves.</summary>
public sealed record ImageInput(string? Url, byte[]? Bytes)
{
    public static ImageInput FromUrl(string url) => new(url, null);

    public static ImageInput FromBytes(byte[] bytes) => new(null, bytes);
}

public sealed record ImageEmbedding(float[] Vector, string Model);

/// <summary>
/// The port to whatever turns an image into a 512-dimensional, L2-normalised vector: the embedding service
/// (<c>POST /embed/image</c>), or the offline pixel descriptor when no service is configured.
/// </summary>
public interface IImageEmbedder
{
    public const int Dimensions = 512;

    Task<ImageEmbedding> EmbedAsync(ImageInput image, CancellationToken ct);
}

/// <summary>The image could not be read (not found, not an image, too large, not allowed): the caller sent something we cannot use.</summary>
public sealed class ImageUnreadableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The embedding service did not answer or failed: try again later.</summary>
public sealed class EmbeddingUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
