using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Catalog;

public sealed class when_customers_search_the_catalog(CvetyApi api) : ApiTest(api)
{
    private async Task<JsonElement> Search(string query, string extra = "") =>
        await (await Api.Client().GetAsync($"/api/v1/products?shop_id=17008&search={Uri.EscapeDataString(query)}{extra}")).Json();

    private static string[] Names(JsonElement products) => products.EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToArray();

    [Fact]
    public async Task a_misspelled_russian_query_finds_the_product_in_its_shop_only()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var director = Api.Client(world.Director);
        await director.CreateProductAsync(new { name = "Эустомы в пачке", price = 750_000, type = "catalog", tags = new[] { "нежный" }, cities = new[] { "Астана" } });
        await director.CreateProductAsync(new { name = "Букет из красных роз", price = 1_500_000, type = "flowers", description = "Пятнадцать роз в крафте", cities = new[] { "Алматы" } });
        await director.CreateProductAsync(new { name = "Тюльпаны микс", price = 900_000, type = "flowers", enabled = false });
        await Api.Client(world.OtherShopDirector).CreateProductAsync(new { name = "Эустомы чужие", price = 100, type = "catalog" });

        Names(await Search("эустамы")).Should().Equal("Эустомы в пачке");
        // Still found after a change that is not about its text (the search text is rebuilt on every change).
        var eustoma = (await (await director.GetAsync("/api/v1/products/admin?search=эустомы")).Json())[0].GetProperty("id").GetInt32();
        (await director.UploadImageAsync(eustoma, Bouquets.Photo(0))).EnsureSuccessStatusCode();
        (await director.Patch($"/api/v1/products/{eustoma}/status", new { enabled = true })).EnsureSuccessStatusCode();
        Names(await Search("эустамы")).Should().Equal("Эустомы в пачке");
        Names(await Search("роза")).Should().BeEquivalentTo("Букет из красных роз", "Розы 15 шт");
        Names(await Search("букт роз")).Should().Contain("Букет из красных роз");
        Names(await Search("тюльпаны")).Should().BeEmpty("disabled products are not for customers");
        Names(await Search("роз", "&max_price=1000000")).Should().BeEmpty();
        Names(await Search("роз", "&city=Алматы&type=flowers")).Should().Equal("Букет из красных роз");
        Names(await Search("эустомы", "&tags=нежный")).Should().Equal("Эустомы в пачке");

        var admin = await (await director.GetAsync("/api/v1/products/admin?search=тюльпан")).Json();
        Names(admin).Should().Equal("Тюльпаны микс");

        var suggestions = await (await Api.Client().GetAsync("/api/v1/products/search/suggestions?shop_id=17008&q=эуст")).Json();
        suggestions.EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().Equal("Эустомы в пачке");
        (await Api.Client().GetAsync("/api/v1/products?search=роза")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "a customer names the shop");
    }

    [Fact]
    public async Task a_photo_of_a_product_finds_it_first_among_its_shops_products_only()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var director = Api.Client(world.Director);
        var ids = new List<int>();
        for (var kind = 0; kind < 4; kind++)
        {
            var id = await director.CreateProductAsync(new { name = $"Букет {kind}", price = 1_000_000 + kind, type = "flowers" });
            (await director.UploadImageAsync(id, Bouquets.Photo(kind))).StatusCode.Should().Be(HttpStatusCode.Created);
            ids.Add(id);
        }
        // The other shop has the very same photo as product 1.
        var other = await Api.Client(world.OtherShopDirector).CreateProductAsync(new { name = "Чужой букет", price = 100, type = "flowers" });
        (await Api.Client(world.OtherShopDirector).UploadImageAsync(other, Bouquets.Photo(1))).EnsureSuccessStatusCode();

        // A customer's photo of bouquet 1: smaller, recompressed, slightly off.
        var photo = Convert.ToBase64String(Bouquets.Photo(1, size: 300, quality: 60, shift: 0.01f));
        JsonElement found = default;
        (await Eventually.HoldsAsync(async () =>
        {
            found = await (await Api.Client().PostJson("/api/v1/products/search/similar", new { image_base64 = photo, shop_id = 17008, limit = 5 })).Json();
            return found.GetProperty("total_indexed").GetInt32() == 4;
        })).Should().BeTrue();

        var results = found.GetProperty("results").EnumerateArray().ToList();
        results.Should().NotBeEmpty();
        results[0].GetProperty("id").GetInt32().Should().Be(ids[1]);
        results[0].GetProperty("similarity").GetDouble().Should().BeGreaterThanOrEqualTo(0.85);
        found.GetProperty("exact").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).Should().Contain(ids[1]);
        results.Should().NotContain(r => r.GetProperty("id").GetInt32() == other);

        // A renamed, repriced product shows its new name and price in photo results (the index keeps them).
        (await director.PutAsJsonAsync($"/api/v1/products/{ids[1]}", new { name = "Букет Весна", price = 1_234_500, type = "flowers" })).EnsureSuccessStatusCode();
        (await Eventually.HoldsAsync(async () =>
        {
            var again = await (await Api.Client().PostJson("/api/v1/products/search/similar", new { image_base64 = photo, shop_id = 17008 })).Json();
            var first = again.GetProperty("results")[0];
            return first.GetProperty("name").GetString() == "Букет Весна" && first.GetProperty("price").GetInt64() == 1_234_500;
        })).Should().BeTrue();

        // Disabled products drop out of photo search too.
        (await director.Patch($"/api/v1/products/{ids[1]}/status", new { enabled = false })).EnsureSuccessStatusCode();
        (await Eventually.HoldsAsync(async () =>
        {
            var again = await (await Api.Client().PostJson("/api/v1/products/search/similar", new { image_base64 = photo, shop_id = 17008 })).Json();
            return again.GetProperty("results").EnumerateArray().All(r => r.GetProperty("id").GetInt32() != ids[1]);
        })).Should().BeTrue();

        (await Api.Client().PostJson("/api/v1/products/search/similar", new { shop_id = 17008 })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Api.Client().PostJson("/api/v1/products/search/similar", new { image_base64 = "bm90IGFuIGltYWdl", shop_id = 17008 })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Api.Client().PostJson("/api/v1/products/search/similar", new { image_url = "file:///etc/passwd", shop_id = 17008 })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }
}
