using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Content;

public sealed class when_a_shop_publishes_content(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task faqs_in_russian_and_kazakh_and_a_deleted_one_is_gone_for_the_public()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var created = await Api.Client(world.Manager).PostJson("/api/v1/faqs", new
        {
            question = "Сколько стоит доставка?", answer = "1 500 ₸ по городу", question_kk = "Жеткізу қанша тұрады?", answer_kk = "Қала бойынша 1 500 ₸", position = 1,
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var second = await (await Api.Client(world.Manager).PostJson("/api/v1/faqs", new { question = "Можно оплатить Kaspi?", answer = "Да", position = 2 })).Json();

        var ru = await (await Api.Client().GetAsync("/api/v1/faqs?shop_id=17008")).Json();
        ru.EnumerateArray().Select(f => f.GetProperty("question").GetString()).Should().Equal("Сколько стоит доставка?", "Можно оплатить Kaspi?");
        var kk = await (await Api.Client().GetAsync("/api/v1/faqs?shop_id=17008&lang=kk")).Json();
        (kk[0].GetProperty("question").GetString(), kk[1].GetProperty("language").GetString()).Should().Be(("Жеткізу қанша тұрады?", "ru"));

        (await Api.Client(world.Florist).DeleteAsync($"/api/v1/faqs/{second.GetProperty("id").GetGuid()}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Api.Client(world.Manager).DeleteAsync($"/api/v1/faqs/{second.GetProperty("id").GetGuid()}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await Api.Client().GetAsync("/api/v1/faqs?shop_id=17008")).Json()).GetArrayLength().Should().Be(1);
        (await (await Api.Client().GetAsync("/api/v1/faqs?shop_id=8")).Json()).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task a_page_by_slug_and_a_taken_slug_is_a_conflict()
    {
        var world = await ShopWorld.CreateAsync(Api);
        (await Api.Client(world.Director).PostJson("/api/v1/pages", new { slug = "delivery-terms", title = "Условия доставки", content = "<p>Доставляем с 9 до 21</p>" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        (await Api.Client(world.Director).PostJson("/api/v1/pages", new { slug = "delivery-terms", title = "x", content = "y" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Api.Client(world.Director).PostJson("/api/v1/pages", new { slug = "Bad Slug", title = "x", content = "y" })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var page = await (await Api.Client().GetAsync("/api/v1/pages/delivery-terms?shop_id=17008")).Json();
        page.GetProperty("title").GetString().Should().Be("Условия доставки");
        (await Api.Client().GetAsync("/api/v1/pages/delivery-terms?shop_id=8")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

public sealed class when_customers_review(CvetyApi api) : ApiTest(api)
{
    private async Task<(ShopWorld World, string Tracking, Guid OrderId)> OrderAsync()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var placed = await (await Api.Client().PostJson("/api/v1/orders/public/create?shop_id=17008", world.NewOrder())).Json();
        var tracking = placed.GetProperty("tracking_id").GetString()!;
        var orders = await (await Api.Client(world.Manager).GetAsync("/api/v1/orders")).Json();
        return (world, tracking, orders[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task a_review_with_a_tracking_id_of_an_order_not_delivered_is_refused_and_once_delivered_is_taken_once()
    {
        var (world, tracking, orderId) = await OrderAsync();
        var early = await Api.Client().PostJson("/api/v1/reviews/company?shop_id=17008", new { rating = 5, text = "Спасибо!", author_name = "Айгуль", tracking_id = tracking });
        early.StatusCode.Should().Be(HttpStatusCode.Conflict);

        foreach (var status in new[] { "accepted", "assembled", "in_delivery", "delivered" })
            (await Api.Client(world.Manager).Status(orderId, status)).EnsureSuccessStatusCode();
        (await Api.Client().PostJson("/api/v1/reviews/company?shop_id=17008", new { rating = 5, text = "Спасибо!", author_name = "Айгуль", tracking_id = tracking }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        (await Api.Client().PostJson("/api/v1/reviews/company?shop_id=17008", new { rating = 4, text = "Ещё раз", author_name = "Айгуль", tracking_id = tracking }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);

        var page = await (await Api.Client().GetAsync("/api/v1/reviews/company?shop_id=17008")).Json();
        (page.GetProperty("total").GetInt32(), page.GetProperty("average_rating").GetDouble()).Should().Be((1, 5.0));
        page.GetProperty("reviews")[0].GetProperty("verified").GetBoolean().Should().BeTrue();
        page.GetProperty("counts").GetProperty("5").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task a_scripted_review_comes_back_escaped_and_staff_can_hide_it_with_a_reason()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var created = await (await Api.Client().PostJson($"/api/v1/reviews/product/{world.Bouquet}?shop_id=17008",
            new { rating = 1, text = "<script>alert('x')</script> ужас", author_name = "<b>Хакер</b>" })).Json();
        var page = await Api.Client().GetAsync($"/api/v1/reviews/product/{world.Bouquet}?shop_id=17008");
        var raw = await page.Content.ReadAsStringAsync();
        raw.Should().NotContain("<script>").And.Contain("&lt;script&gt;");

        (await Api.Client(world.Florist).PutAsJsonAsync($"/api/v1/reviews/{created.GetProperty("id").GetGuid()}/hide", new { reason = (string?)null }))
            .StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Api.Client(world.Florist).PutAsJsonAsync($"/api/v1/reviews/{created.GetProperty("id").GetGuid()}/hide", new { reason = "спам" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await Api.Client().GetAsync($"/api/v1/reviews/product/{world.Bouquet}?shop_id=17008")).Json()).GetProperty("total").GetInt32().Should().Be(0);
        var staff = await (await Api.Client(world.Manager).GetAsync($"/api/v1/reviews/product/{world.Bouquet}")).Json();
        staff.GetProperty("reviews")[0].GetProperty("hidden_reason").GetString().Should().Be("спам");
    }

    [Fact]
    public async Task bad_reviews_are_refused_and_a_photo_is_checked_like_a_product_photo()
    {
        var world = await ShopWorld.CreateAsync(Api);
        (await Api.Client().PostJson("/api/v1/reviews/company?shop_id=17008", new { rating = 6, author_name = "А" })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Api.Client().PostJson("/api/v1/reviews/company?shop_id=17008", new { rating = 5, author_name = "А", text = new string('я', 2001) })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Api.Client().PostJson($"/api/v1/reviews/product/{world.OtherShopProduct}?shop_id=17008", new { rating = 5, author_name = "А" })).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var review = await (await Api.Client().PostJson($"/api/v1/reviews/product/{world.Bouquet}?shop_id=17008", new { rating = 5, author_name = "Дана", text = "Красиво" })).Json();
        using var notAnImage = new MultipartFormDataContent { { new ByteArrayContent("это не картинка"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "file", "x.jpg" } };
        (await Api.Client().PostAsync($"/api/v1/reviews/product/{world.Bouquet}/{review.GetProperty("id").GetGuid()}/photos?shop_id=17008", notAnImage))
            .StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        using var png = Orders.OrderPhotos.Form(Orders.OrderPhotos.Png);
        (await Api.Client().PostAsync($"/api/v1/reviews/product/{world.Bouquet}/{review.GetProperty("id").GetGuid()}/photos?shop_id=17008", png))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        (await (await Api.Client().GetAsync($"/api/v1/reviews/product/{world.Bouquet}?shop_id=17008")).Json()).GetProperty("reviews")[0].GetProperty("photos").GetArrayLength().Should().Be(1);
        var platform = await (await Api.Client().GetAsync("/api/v1/reviews/platform")).Json();
        platform.EnumerateArray().Select(r => r.GetProperty("text").GetString()).Should().Contain("Красиво");
    }
}
