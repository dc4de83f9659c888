using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cvety.IntegrationTests.Bitrix;
using Cvety.IntegrationTests.Infrastructure;
using SkiaSharp;

namespace Cvety.IntegrationTests.Catalog;

public static class CatalogRequests
{
    public static async Task<int> CreateProductAsync(this HttpClient client, object body)
    {
        var response = await client.PostJson("/api/v1/products", body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Json()).GetProperty("id").GetInt32();
    }

    public static async Task<Guid> AddItemAsync(this HttpClient client, string name, int quantity, int min = 0)
    {
        var response = await client.PostJson("/api/v1/warehouse", new { name, cost_price = 30_000, retail_price = 60_000, min_quantity = min, quantity });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Json()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> ItemAsync(this HttpClient client, Guid id) => await (await client.GetAsync($"/api/v1/warehouse/{id}")).Json();

    public static async Task<HttpResponseMessage> UploadImageAsync(this HttpClient client, int productId, byte[] image, bool primary = false)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "bouquet.jpg");
        return await client.PostAsync($"/api/v1/products/{productId}/images" + (primary ? "?primary=true" : ""), form);
    }

    public static JsonArray SampleProducts() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(BitrixWorld.SamplesFolder, "production-products-page.json")))!["data"]!.AsArray();
}

/// <summary>Synthetic bouquet photos: coloured blossoms on a background, each kind distinct in colour and layout.</summary>
public static class Bouquets
{
    public static byte[] Photo(int kind, int size = 480, int quality = 90, float shift = 0)
    {
        var palettes = new (SKColor Background, SKColor Flower, SKColor Centre)[]
        {
            (new SKColor(40, 110, 50), new SKColor(220, 30, 60), new SKColor(250, 220, 80)),
            (new SKColor(245, 240, 230), new SKColor(250, 200, 30), new SKColor(120, 60, 20)),
            (new SKColor(30, 40, 90), new SKColor(230, 230, 250), new SKColor(160, 120, 220)),
            (new SKColor(200, 160, 120), new SKColor(250, 140, 180), new SKColor(255, 255, 255)),
        };
        var (background, flower, centre) = palettes[kind % palettes.Length];
        using var surface = SKSurface.Create(new SKImageInfo(size, size));
        var canvas = surface.Canvas;
        canvas.Clear(background);
        var random = new Random(kind * 7919);
        using var petal = new SKPaint { Color = flower, IsAntialias = true };
        using var middle = new SKPaint { Color = centre, IsAntialias = true };
        var count = 6 + kind * 3;
        for (var i = 0; i < count; i++)
        {
            var x = (float)(random.NextDouble() * 0.8 + 0.1 + shift) * size;
            var y = (float)(random.NextDouble() * 0.8 + 0.1) * size;
            var r = (float)(random.NextDouble() * 0.06 + 0.05 + kind * 0.01) * size;
            canvas.DrawCircle(x, y, r, petal);
            canvas.DrawCircle(x, y, r * 0.35f, middle);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
