using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Cvety.Application.Search;
using Cvety.Infrastructure.Search;
using Cvety.Infrastructure.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cvety.IntegrationTests.Catalog;

/// <summary>A small HTTP server for a test: the embedding service or an S3 bucket, speaking just enough of their contracts.</summary>
public sealed class FakeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeServer(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();

    public static async Task<FakeServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new FakeServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed class the_embedding_service_adapter : IAsyncLifetime
{
    private readonly ConcurrentQueue<JsonNode> _requests = new();
    private int _failuresLeft;
    private int _dimensions = 512;
    private FakeServer _service = null!;

    public async Task InitializeAsync() => _service = await FakeServer.StartAsync(app => app.MapPost("/embed/image", async (HttpContext http) =>
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body))!;
        _requests.Enqueue(body);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0) return Results.StatusCode(503);
        // Deterministic: the same input, the same vector (not normalised, to show the adapter normalises).
        var seed = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));
        var random = new Random(BitConverter.ToInt32(seed));
        var vector = Enumerable.Range(0, _dimensions).Select(_ => (float)random.NextDouble() * 3).ToArray();
        return Results.Json(new { embedding = vector, dimensions = _dimensions, model = "fake-clip", duration_ms = 3 });
    }));

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private HttpImageEmbedder Embedder(string? publicBase = "https://cvety.test")
    {
        var options = new EmbeddingOptions { BaseUrl = _service.BaseUrl, PublicBaseUrl = publicBase, TimeoutSeconds = 2, AllowPrivateImageHosts = true };
        var storage = new LocalStorageOptions { LocalPath = Path.Combine(Path.GetTempPath(), "cvety-embed-" + Guid.NewGuid().ToString("N")[..8]) };
        var http = new HttpClient { BaseAddress = new Uri(_service.BaseUrl + "/") };
        return new HttpImageEmbedder(http, options, storage, new ImageLoader(new HttpClient(), options, storage));
    }

    [Fact]
    public async Task it_sends_urls_and_bytes_per_the_contract_and_answers_unit_vectors()
    {
        var embedder = Embedder();
        var fromUrl = await embedder.EmbedAsync(ImageInput.FromUrl("https://cvety.kz/upload/iblock/a1/eustoma.jpeg"), default);
        var ours = await embedder.EmbedAsync(ImageInput.FromUrl("/media/products/8/a.jpg"), default);
        var bytes = await embedder.EmbedAsync(ImageInput.FromBytes(Bouquets.Photo(1)), default);

        var sent = _requests.ToArray();
        sent[0]["image_url"]!.GetValue<string>().Should().Be("https://cvety.kz/upload/iblock/a1/eustoma.jpeg");
        sent[1]["image_url"]!.GetValue<string>().Should().Be("https://cvety.test/media/products/8/a.jpg");
        sent[2]["image_base64"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        foreach (var e in new[] { fromUrl, ours, bytes })
        {
            e.Vector.Should().HaveCount(512);
            MathF.Sqrt(e.Vector.Sum(x => x * x)).Should().BeApproximately(1f, 1e-4f);
            e.Model.Should().Be("fake-clip");
        }
    }

    [Fact]
    public async Task a_short_outage_is_retried_and_a_long_one_is_reported_as_unavailable()
    {
        _failuresLeft = 1;
        (await Embedder().EmbedAsync(ImageInput.FromUrl("https://cvety.kz/a.jpg"), default)).Vector.Should().HaveCount(512);
        _failuresLeft = 5;
        await FluentActions.Awaiting(() => Embedder().EmbedAsync(ImageInput.FromUrl("https://cvety.kz/a.jpg"), default))
            .Should().ThrowAsync<EmbeddingUnavailableException>();
    }

    [Fact]
    public async Task a_vector_of_the_wrong_size_is_not_taken()
    {
        _dimensions = 256;
        await FluentActions.Awaiting(() => Embedder().EmbedAsync(ImageInput.FromUrl("https://cvety.kz/a.jpg"), default))
            .Should().ThrowAsync<EmbeddingUnavailableException>();
    }
}

public sealed class the_r2_storage_adapter : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, (byte[] Body, string? ContentType, string Authorization)> _objects = new();
    private FakeServer _bucket = null!;

    public async Task InitializeAsync() => _bucket = await FakeServer.StartAsync(app => app.MapPut("/{bucket}/{**key}", async (string bucket, string key, HttpContext http) =>
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        _objects[$"{bucket}/{key}"] = (buffer.ToArray(), http.Request.ContentType, http.Request.Headers.Authorization.ToString());
        http.Response.Headers.ETag = "\"" + Convert.ToHexString(MD5.HashData(buffer.ToArray())).ToLowerInvariant() + "\"";
        return Results.Ok();
    }));

    public async Task DisposeAsync() => await _bucket.DisposeAsync();

    [Fact]
    public async Task an_image_lands_in_the_bucket_signed_and_its_public_url_comes_back()
    {
        var storage = new S3ImageStorage(new S3StorageOptions
        {
            Endpoint = _bucket.BaseUrl, Bucket = "cvety-media", AccessKeyId = "test-key-id", SecretAccessKey = "test-" + Guid.NewGuid().ToString("N"),
            PublicBaseUrl = "https://media.cvety.test",
        });
        var photo = Bouquets.Photo(2);
        var url = await storage.SaveAsync("products/8", "jpg", new MemoryStream(photo), default);

        url.Should().StartWith("https://media.cvety.test/products/8/").And.EndWith(".jpg");
        var key = "cvety-media/" + url["https://media.cvety.test/".Length..];
        _objects.Should().ContainKey(key);
        _objects[key].Body.Should().Equal(photo);
        _objects[key].ContentType.Should().Be("image/jpeg");
        _objects[key].Authorization.Should().StartWith("AWS4-HMAC-SHA256 Credential=test-key-id/");
    }
}
