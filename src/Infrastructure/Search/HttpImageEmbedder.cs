using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cvety.Application.Search;
using Cvety.Infrastructure.Storage;

namespace Cvety.Infrastructure.Search;

/// <summary>
/// The embedding service: <c>POST /embed/image {image_url}</c> → <c>{embedding[512], dimensions, model, duration_ms}</c>.
/// Our own relative image URLs are made absolute with <see cref="EmbeddingOptions.PublicBaseUrl"/>; without one, and
/// for uploaded bytes, the image travels as <c>image_base64</c>. A timeout per call and one quick retry; then the
/// caller sees "unavailable" (503 for a search; a retried message for a product).
/// </summary>
public sealed class HttpImageEmbedder(HttpClient http, EmbeddingOptions options, LocalStorageOptions storage, ImageLoader loader) : IImageEmbedder
{
    public async Task<ImageEmbedding> EmbedAsync(ImageInput image, CancellationToken ct)
    {
        object body;
        if (image.Url is { } url && url.StartsWith(storage.RequestPath + "/", StringComparison.Ordinal) && options.PublicBaseUrl is { } publicBase)
            body = new { image_url = publicBase.TrimEnd('/') + url };
        else if (image.Url is { } absolute && !absolute.StartsWith('/'))
            body = new { image_url = absolute };
        else
            body = new { image_base64 = Convert.ToBase64String(await loader.LoadAsync(image, ct)) };

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendAsync(body, ct);
            }
            catch (EmbeddingUnavailableException) when (attempt < 2)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
            }
        }
    }

    private async Task<ImageEmbedding> SendAsync(object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "embed/image") { Content = JsonContent.Create(body) };
        if (!string.IsNullOrEmpty(options.ApiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        using var response = await TimedHttp.SendAsync(http, request, TimeSpan.FromSeconds(options.TimeoutSeconds),
            e => new EmbeddingUnavailableException($"The embedding service did not answer: {e.Message}", e), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode >= HttpStatusCode.InternalServerError || response.StatusCode == HttpStatusCode.TooManyRequests)
            throw new EmbeddingUnavailableException($"The embedding service answered {(int)response.StatusCode}.");
        if (!response.IsSuccessStatusCode)
            throw new ImageUnreadableException($"The embedding service refused the image ({(int)response.StatusCode}): {text[..Math.Min(200, text.Length)]}");
        try
        {
            using var json = JsonDocument.Parse(text);
            var vector = json.RootElement.GetProperty("embedding").EnumerateArray().Select(e => e.GetSingle()).ToArray();
            if (vector.Length != IImageEmbedder.Dimensions) throw new EmbeddingUnavailableException($"The embedding service answered {vector.Length} dimensions, not {IImageEmbedder.Dimensions}.");
            // It promises L2-normalised vectors; normalising again costs nothing and keeps cosine = dot even if it slips.
            PixelImageEmbedder.Normalise(vector);
            var model = json.RootElement.TryGetProperty("model", out var m) ? m.GetString() ?? "service" : "service";
            return new ImageEmbedding(vector, model);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new EmbeddingUnavailableException("The embedding service answered something that is not an embedding.", e);
        }
    }
}
