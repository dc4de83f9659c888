namespace Cvety.Api.Endpoints;

/// <summary>Multipart uploads read into memory for the use cases, which validate them.</summary>
public static class Uploads
{
    /// <summary>
    /// The file's bytes; none when no file came. A file over <paramref name="maxBytes"/> is not read: an array one byte
    /// too long stands for it, so that the use case's validator answers with its size rule.
    /// </summary>
    public static async Task<byte[]> ReadAsync(IFormFile? file, int maxBytes, CancellationToken ct)
    {
        if (file is null) return [];
        if (file.Length > maxBytes) return new byte[maxBytes + 1];
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
