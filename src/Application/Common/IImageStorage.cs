namespace Cvety.Application.Common;

/// <summary>Where photos live. The default writes to local disk and the API serves them back; an S3-compatible adapter (R2) can replace it.</summary>
public interface IImageStorage
{
    /// <summary>Stores the image under a fresh name in the folder and answers its public URL.</summary>
    Task<string> SaveAsync(string folder, string extension, Stream content, CancellationToken ct);

    /// <summary>Whether the URL is one this storage handed out (then it is used as it is, not downloaded again).</summary>
    bool Holds(string url);
}

/// <summary>
/// The bytes of an image a client names by URL, fetched under the rules that keep a client's URL out of our own
/// network (no private addresses, every redirect checked, size and time limits).
/// </summary>
public interface IRemoteImages
{
    Task<byte[]> FetchAsync(string url, CancellationToken ct);
}

/// <summary>Recognises the image formats we accept by their first bytes, not by what the client claims.</summary>
public static class ImageFormats
{
    public static string? ExtensionOf(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return "jpg";
        if (head.Length >= 8 && head[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "png";
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "webp";
        return null;
    }
}
