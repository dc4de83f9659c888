using System.Net;
using System.Net.Sockets;
using Cvety.Application.Search;
using Cvety.Infrastructure.Storage;

namespace Cvety.Infrastructure.Search;

/// <summary>
/// Gets the bytes of an image: ours from local storage, others over HTTP with a timeout and a size limit. The URL may
/// come from a customer, so it must not become a way into our own network (SSRF):
/// <list type="bullet">
/// <item>only http and https, on every hop; redirects are followed here, one at a time, at most <see cref="MaxRedirects"/>;</item>
/// <item>every hop's host is checked before the request, and the address actually connected to is checked again at
/// connect time (<see cref="CreateHandler"/>), so a name that resolves to a public address for the check and to a
/// private one for the connection (DNS rebinding) is refused too;</item>
/// <item>loopback, private, link-local (cloud metadata), CGNAT and unique-local addresses are refused unless allowed
/// (<see cref="EmbeddingOptions.AllowPrivateImageHosts"/>) or the origin is trusted (<see cref="EmbeddingOptions.TrustedImageOrigins"/>).</item>
/// </list>
/// </summary>
public sealed class ImageLoader(HttpClient http, EmbeddingOptions options, LocalStorageOptions storage) : Application.Common.IRemoteImages
{
    public Task<byte[]> FetchAsync(string url, CancellationToken ct) => LoadAsync(ImageInput.FromUrl(url), ct);

    public const int MaxRedirects = 3;

    public async Task<byte[]> LoadAsync(ImageInput image, CancellationToken ct)
    {
        if (image.Bytes is { } bytes) return Limit(bytes);
        var url = image.Url ?? throw new ImageUnreadableException("No image given.");
        if (url.StartsWith(storage.RequestPath + "/", StringComparison.Ordinal)) return await LocalAsync(url, ct);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw new ImageUnreadableException($"'{url}' is not an http(s) URL.");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            for (var hop = 0; ; hop++)
            {
                await RefuseUnsafeAsync(uri, timeout.Token);
                using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (IsRedirect(response.StatusCode))
                {
                    if (hop >= MaxRedirects) throw new ImageUnreadableException($"The image URL redirected more than {MaxRedirects} times.");
                    var location = response.Headers.Location ?? throw new ImageUnreadableException("The image URL redirected nowhere.");
                    uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    continue;
                }
                if (!response.IsSuccessStatusCode) throw new ImageUnreadableException($"The image URL answered {(int)response.StatusCode}.");
                return await ReadLimitedAsync(response, timeout.Token);
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            // A refusal at connect time comes wrapped: say that, not "could not be fetched".
            if (e.InnerException is ImageUnreadableException refused) throw new ImageUnreadableException(refused.Message, e);
            throw new ImageUnreadableException($"The image could not be fetched: {e.Message}", e);
        }
    }

    /// <summary>
    /// The handler of the image client: no automatic redirects (each hop is checked by <see cref="LoadAsync"/>), and
    /// a connect step that refuses a private address whatever the name resolved to a moment earlier.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(EmbeddingOptions options) => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            var usable = options.AllowPrivateImageHosts || IsTrusted(options, context.InitialRequestMessage.RequestUri)
                ? addresses
                : addresses.Where(a => !IsPrivate(a)).ToArray();
            if (usable.Length == 0) throw new ImageUnreadableException($"Images from '{host}' are not fetched.");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(usable, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private static bool IsRedirect(HttpStatusCode code) => (int)code is 301 or 302 or 303 or 307 or 308;

    private async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength > options.MaxImageBytes) throw new ImageUnreadableException("The image is larger than allowed.");
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > options.MaxImageBytes) throw new ImageUnreadableException("The image is larger than allowed.");
        }
        return buffer.ToArray();
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

    private async Task RefuseUnsafeAsync(Uri uri, CancellationToken ct)
    {
        if (uri.Scheme is not ("http" or "https")) throw new ImageUnreadableException($"Only http(s) image URLs are fetched, not '{uri.Scheme}:'.");
        if (options.AllowPrivateImageHosts || IsTrusted(options, uri)) return;
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

    private static bool IsTrusted(EmbeddingOptions options, Uri? uri) =>
        uri is not null && options.TrustedImageOrigins.Any(o => Uri.TryCreate(o, UriKind.Absolute, out var trusted)
            && Uri.Compare(trusted, uri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);

    private static bool IsPrivate(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal
            || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None)) return true;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetwork) return false;
        var b = address.GetAddressBytes();
        return b[0] is 10 or 127 or 0 || b[0] >= 224 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }
}
