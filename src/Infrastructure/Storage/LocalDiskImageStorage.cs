using Cvety.Application.Common;

namespace Cvety.Infrastructure.Storage;

public sealed class LocalStorageOptions
{
    /// <summary>Folder for uploaded images. Default: the user's local data folder, <c>cvety/media</c>.</summary>
    public string? LocalPath { get; set; }

    /// <summary>URL path under which the API serves the folder.</summary>
    public string RequestPath { get; set; } = "/media";

    public string ResolvedPath => Path.GetFullPath(LocalPath ?? Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "cvety", "media"));
}

/// <summary>The default image storage: files on local disk, served back by the API under <c>/media</c>.</summary>
public sealed class LocalDiskImageStorage(LocalStorageOptions options) : IImageStorage
{
    public bool Holds(string url) => url.StartsWith(options.RequestPath + "/", StringComparison.Ordinal) && !url.Contains("..", StringComparison.Ordinal);

    public async Task<string> SaveAsync(string folder, string extension, Stream content, CancellationToken ct)
    {
        if (folder.Split('/').Any(part => part is "" or "." or ".." || part.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')))
            throw new ArgumentException($"Unsafe folder name '{folder}'.", nameof(folder));

        var name = $"{Guid.CreateVersion7():N}.{extension}";
        var directory = Path.Combine(options.ResolvedPath, folder);
        Directory.CreateDirectory(directory);
        await using (var file = new FileStream(Path.Combine(directory, name), FileMode.CreateNew, FileAccess.Write))
        {
            await content.CopyToAsync(file, ct);
        }
        return $"{options.RequestPath}/{folder}/{name}";
    }
}
