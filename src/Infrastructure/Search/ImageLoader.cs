using System.Net;
using System.Net.Sockets;
using Cvety.Application.Search;
using Cvety.Infrastructure.Storage;

namespace Cvety.Infrastructure.Search;

/// <summary>
/// Gets the bytes of an image for embedding: ours from local storage, others over HTTP with a timeout and a size
/// limit. Addresses that resolve to loopback or private networks are refused unless allowed, because the URL may come
/// from a customer.
/// </summary>
public sealed class ImageLoader(HttpClient http, EmbeddingOptions options, LocalStorageOptions storage)
{
    public async Task<byte[]> LoadAsync(ImageInput image, CancellationToken ct)
    {
        if (image.Bytes is { } bytes) return Limit(bytes);
        var url = image.Url ?? throw new ImageUnreadableException("No image given.");
        if (url.StartsWith(storage.RequestPath + "/", StringComparison.Ordinal)) return await LocalAsync(url, ct);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ImageUnreadableException($"'{url}' is not an http(s) URL.");
        if (!options.AllowPrivateImageHosts) await RefusePrivateAsync(uri, ct);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode) throw new ImageUnreadableException($"The image URL answered {(int)response.StatusCode}.");
            if (response.Content.Headers.ContentLength > options.MaxImageBytes) throw new ImageUnreadableException("The image is larger than allowed.");
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > options.MaxImageBytes) throw new ImageUnreadableException("The image is larger than allowed.");
            }
            return buffer.ToArray();
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new ImageUnreadableException($"The image could not be fetched: {e.Message}", e);
        }
    }

    private async Task<byte[]> LocalAsync(string url, CancellationToken ct)
    {
        var relative = url[(storage.RequestPath.Length + 1)..];
        if (relative.Split('/').Any(p => p is "" or "." or "..")) throw new ImageUnreadableException("Bad image path.");
        var path = Path.Combine(storage.ResolvedPath, relative);
        if (!File.Exists(path)) throw new ImageUnreadableException($"No stored image at {url}.");
        return Limit(await File.ReadAllBytesAsync(path, ct));
    }

    private byte[] Limit(byte[] bytes) =>
        bytes.Length == 0 || bytes.Length > options.MaxImageBytes ? throw new ImageUnreadableException("The image is empty or larger than allowed.") : bytes;

    private static async Task RefusePrivateAsync(Uri uri, CancellationToken ct)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.DnsSafeHost, ct);
        }
        catch (SocketException e)
        {
            throw new ImageUnreadableException($"The image host '{uri.Host}' does not resolve.", e);
        }
        if (addresses.Length == 0 || addresses.Any(IsPrivate)) throw new ImageUnreadableException($"Images from '{uri.Host}' are not fetched.");
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal) return true;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetwork) return false;
        var b = address.GetAddressBytes();
        return b[0] is 10 or 127 or 0 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }
}
