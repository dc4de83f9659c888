using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SkiaSharp;

namespace Cvety.Bench;

/// <summary>Server-side times the photo search reports itself: the index and the product load, without the embedding call.</summary>
public sealed record PhotoTimes(int Samples, double SearchP50Ms, double SearchP99Ms, double EmbeddingP50Ms);

public sealed record CatalogResults(int Products, int Indexed, IReadOnlyList<Result> Results, PhotoTimes Photo);

/// <summary>
/// A catalog of many products, each with its own photo, built through the API (create, then upload the photo,
/// which the embedding queue turns into a vector); then text search and photo search are measured over HTTP.
/// </summary>
public static class CatalogBench
{
    private static readonly string[] Flowers = ["роз", "тюльпанов", "пионов", "хризантем", "эустом", "лилий", "гортензий", "ромашек", "орхидей", "гербер"];
    private static readonly string[] Colours = ["красных", "белых", "розовых", "жёлтых", "синих", "кремовых", "персиковых", "бордовых"];
    private static readonly string[] Wraps = ["в крафте", "в коробке", "в корзине", "в шляпной коробке", "с эвкалиптом", "с лентой"];

    public static async Task<CatalogResults> RunAsync(ApiProcess api, string connectionString, string token, int shopId, int products)
    {
        Console.WriteLine($"Catalog: creating {products} products with photos...");
        var ids = new int[products];
        await Measure.RunAsync("prepare", 16, products, async i =>
        {
            var name = $"Букет из {7 + i % 45} {Colours[i / 10 % Colours.Length]} {Flowers[i % Flowers.Length]} {Wraps[i / 80 % Wraps.Length]} №{i}";
            var body = new { name, price = 500_000 + i % 300 * 10_000, type = i % 5 == 0 ? "vitrina" : "flowers", description = "Свежие цветы, доставка по городу", tags = new[] { Flowers[i % Flowers.Length] } };
            ids[i] = (await api.SendAsync(HttpMethod.Post, "/api/v1/products", token, body)).GetProperty("id").GetInt32();
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Photo(i, 96));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "file", "p.jpg");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/products/{ids[i]}/images") { Content = form };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await api.Client.SendAsync(request);
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromMinutes(10));

        Console.WriteLine("Catalog: waiting for the photo index...");
        var probe = Convert.ToBase64String(Photo(products / 2, 128, quality: 70));
        var indexed = 0;
        for (var wait = 0; wait < 600 && indexed < products; wait++)
        {
            indexed = (await Similar(api, probe, shopId)).GetProperty("total_indexed").GetInt32();
            if (indexed < products) await Task.Delay(1000);
        }
        Console.WriteLine($"  {indexed} vectors indexed");

        // Seeding wrote 10 000 products twice (created, then their photos): let PostgreSQL's maintenance of that burst
        // (autovacuum, statistics) happen now rather than in the middle of the measurement. Steady state, not warm-up noise.
        Console.WriteLine("Catalog: vacuum analyze after seeding...");
        await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var vacuum = new Npgsql.NpgsqlCommand("vacuum (analyze)", connection) { CommandTimeout = 600 };
            await vacuum.ExecuteNonQueryAsync();
        }

        var results = new List<Result>();
        var reported = 0;
        var queries = new[] { "роза", "эустамы", "пионы в коробке", "хризантемы белые", "тюльпан", "орхидея", "букт из роз", "гортензии синие" };
        foreach (var concurrency in new[] { 1, 8 })
        {
            Console.WriteLine($"Text search, {concurrency} concurrent...");
            results.Add(await Measure.RunAsync($"Text search over {products} products (GET /api/v1/products?search=)", concurrency, 2000,
                async i =>
                {
                    using var response = await api.Client.GetAsync($"/api/v1/products?shop_id={shopId}&limit=20&search={Uri.EscapeDataString(queries[i % queries.Length])}");
                    // Every query, the misspelled ones too, must find something: an empty answer counts as a failure.
                    var text = await response.Content.ReadAsStringAsync();
                    var found = response.IsSuccessStatusCode && text.StartsWith("[{", StringComparison.Ordinal);
                    if (!found && Interlocked.Increment(ref reported) <= 3)
                        Console.WriteLine($"  '{queries[i % queries.Length]}' answered {(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}");
                    return found;
                }, TimeSpan.FromSeconds(60)));
        }

        // Customers' photos: recompressed, smaller copies of catalog photos.
        var photos = Enumerable.Range(0, 50).Select(i => Convert.ToBase64String(Photo(i * (products / 50), 160, quality: 75))).ToArray();
        var searchTimes = new System.Collections.Concurrent.ConcurrentBag<double>();
        var embedTimes = new System.Collections.Concurrent.ConcurrentBag<double>();
        Console.WriteLine("Photo search...");
        results.Add(await Measure.RunAsync($"Photo search over {indexed} vectors, embedding included (POST /api/v1/products/search/similar)", 1, 1000,
            async i =>
            {
                var body = await Similar(api, photos[i % photos.Length], shopId);
                searchTimes.Add(body.GetProperty("search_time_ms").GetDouble());
                embedTimes.Add(body.GetProperty("embedding_time_ms").GetDouble());
                return body.GetProperty("results").GetArrayLength() > 0;
            }, TimeSpan.FromSeconds(60)));

        var sorted = searchTimes.Order().ToArray();
        var embeds = embedTimes.Order().ToArray();
        return new CatalogResults(products, indexed, results, new PhotoTimes(sorted.Length, Measure.Percentile(sorted, 0.5), Measure.Percentile(sorted, 0.99), Measure.Percentile(embeds, 0.5)));
    }

    private static async Task<JsonElement> Similar(ApiProcess api, string base64, int shopId)
    {
        using var response = await api.Client.PostAsJsonAsync("/api/v1/products/search/similar", new { image_base64 = base64, shop_id = shopId, limit = 10 });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A distinct synthetic bouquet per index: background, blossom colours and layout all follow from it.</summary>
    public static byte[] Photo(int index, int size, int quality = 85)
    {
        var random = new Random(index);
        SKColor Colour() => new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        using var surface = SKSurface.Create(new SKImageInfo(size, size));
        surface.Canvas.Clear(Colour());
        using var petal = new SKPaint { Color = Colour(), IsAntialias = true };
        using var middle = new SKPaint { Color = Colour(), IsAntialias = true };
        for (var i = 0; i < 5 + random.Next(12); i++)
        {
            float x = (float)random.NextDouble() * size, y = (float)random.NextDouble() * size, r = (float)(0.05 + random.NextDouble() * 0.12) * size;
            surface.Canvas.DrawCircle(x, y, r, petal);
            surface.Canvas.DrawCircle(x, y, r * 0.35f, middle);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
