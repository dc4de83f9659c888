using Cvety.Application.Search;
using Cvety.Infrastructure.Search;
using Cvety.Infrastructure.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cvety.IntegrationTests.Catalog;

/// <summary>
/// Fetching an image a client names (photo search's image_url) must not reach our own network through a redirect.
/// The first hop is a trusted origin standing in for a public host (every server in a test is on loopback).
/// </summary>
public sealed class when_an_image_url_redirects : IAsyncLifetime
{
    private FakeServer _public = null!;
    private FakeServer _internal = null!;

    public async Task InitializeAsync()
    {
        _internal = await FakeServer.StartAsync(app => app.MapGet("/secret.jpg", () => Results.Bytes(Bouquets.Photo(3), "image/jpeg")));
        _public = await FakeServer.StartAsync(app =>
        {
            app.MapGet("/photo.jpg", () => Results.Bytes(Bouquets.Photo(1), "image/jpeg"));
            app.MapGet("/to", (string target) => Results.Redirect(target));
            app.MapGet("/loop/{n:int}", (int n) => Results.Redirect($"/loop/{n + 1}"));
        });
    }

    public async Task DisposeAsync()
    {
        await _public.DisposeAsync();
        await _internal.DisposeAsync();
    }

    private ImageLoader Loader()
    {
        var options = new EmbeddingOptions { TimeoutSeconds = 5, TrustedImageOrigins = [_public.BaseUrl] };
        var storage = new LocalStorageOptions { LocalPath = Path.GetTempPath() };
        return new ImageLoader(new HttpClient(ImageLoader.CreateHandler(options)), options, storage);
    }

    private Task<byte[]> Fetch(string url) => Loader().LoadAsync(ImageInput.FromUrl(url), CancellationToken.None);

    [Fact]
    public async Task a_trusted_origins_own_image_is_fetched() =>
        (await Fetch(_public.BaseUrl + "/photo.jpg")).Should().NotBeEmpty();

    [Fact]
    public async Task a_redirect_to_loopback_on_another_port_is_refused()
    {
        var fetch = () => Fetch(_public.BaseUrl + "/to?target=" + Uri.EscapeDataString(_internal.BaseUrl + "/secret.jpg"));
        (await fetch.Should().ThrowAsync<ImageUnreadableException>()).WithMessage("*not fetched*");
    }

    [Fact]
    public async Task a_redirect_to_the_cloud_metadata_address_is_refused()
    {
        var fetch = () => Fetch(_public.BaseUrl + "/to?target=" + Uri.EscapeDataString("http://169.254.169.254/latest/meta-data/"));
        (await fetch.Should().ThrowAsync<ImageUnreadableException>()).WithMessage("*169.254.169.254*not fetched*");
    }

    [Fact]
    public async Task a_redirect_to_a_name_that_resolves_to_loopback_is_refused()
    {
        var port = new Uri(_internal.BaseUrl).Port;
        var fetch = () => Fetch(_public.BaseUrl + "/to?target=" + Uri.EscapeDataString($"http://localhost:{port}/secret.jpg"));
        await fetch.Should().ThrowAsync<ImageUnreadableException>();
    }

    [Fact]
    public async Task a_redirect_to_a_file_url_is_refused_as_not_http()
    {
        var fetch = () => Fetch(_public.BaseUrl + "/to?target=" + Uri.EscapeDataString("file:///etc/passwd"));
        (await fetch.Should().ThrowAsync<ImageUnreadableException>()).WithMessage("*Only http(s)*");
    }

    [Fact]
    public async Task more_than_three_redirects_are_refused()
    {
        var fetch = () => Fetch(_public.BaseUrl + "/loop/0");
        (await fetch.Should().ThrowAsync<ImageUnreadableException>()).WithMessage("*more than 3 times*");
    }
}

public sealed class when_photo_search_is_pointed_at_a_redirect(Infrastructure.CvetyApi api) : Infrastructure.ApiTest(api)
{
    [Fact]
    public async Task a_redirect_to_a_file_url_answers_422_not_500()
    {
        await Infrastructure.ShopWorld.CreateAsync(Api);
        await using var server = await FakeServer.StartAsync(app => app.MapGet("/photo.jpg", () => Results.Redirect("file:///etc/passwd")));

        var response = await Api.Client().PostAsync("/api/v1/products/search/similar", System.Net.Http.Json.JsonContent.Create(new { shop_id = 17008, image_url = server.BaseUrl + "/photo.jpg" }));

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
    }
}
