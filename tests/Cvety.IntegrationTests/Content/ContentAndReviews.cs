using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marten;
using Marten.Linq.SoftDeletes;
using Cvety.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task a_faq_edited_or_unpublished_changes_what_the_public_reads_and_another_shops_faq_is_not_found()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var faq = await (await Api.Client(world.Manager).PostJson("/api/v1/faqs", new { question = "Когда доставите?", answer = "За 2 часа", position = 1 })).Json();
        var id = faq.GetProperty("id").GetGuid();

        var edited = await Api.Client(world.Director).PutAsJsonAsync($"/api/v1/faqs/{id}", new { answer = "За 90 минут по городу", question_kk = "Қашан жеткізесіз?", answer_kk = "Қала бойынша 90 минутта" });
        edited.StatusCode.Should().Be(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var ru = await (await Api.Client().GetAsync("/api/v1/faqs?shop_id=17008")).Json();
        (ru[0].GetProperty("question").GetString(), ru[0].GetProperty("answer").GetString()).Should().Be(("Когда доставите?", "За 90 минут по городу"), "what the body leaves out stays");
        (await (await Api.Client().GetAsync("/api/v1/faqs?shop_id=17008&lang=kk")).Json())[0].GetProperty("question").GetString().Should().Be("Қашан жеткізесіз?", "a translation shows once both its question and answer are given");

        (await Api.Client(world.Manager).PutAsJsonAsync($"/api/v1/faqs/{id}", new { published = false })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await Api.Client().GetAsync("/api/v1/faqs?shop_id=17008")).Json()).GetArrayLength().Should().Be(0, "an unpublished FAQ is the staff's only");
        (await (await Api.Client(world.Manager).GetAsync("/api/v1/faqs")).Json()).GetArrayLength().Should().Be(1);

        (await Api.Client(world.Florist).PutAsJsonAsync($"/api/v1/faqs/{id}", new { answer = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Api.Client(world.OtherShopDirector).PutAsJsonAsync($"/api/v1/faqs/{id}", new { answer = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Api.Client(world.Manager).PutAsJsonAsync($"/api/v1/faqs/{id}", new { position = -1 })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task pages_are_listed_for_staff_edited_unpublished_and_removed_without_losing_the_row()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var director = Api.Client(world.Director);
        var terms = await (await director.PostJson("/api/v1/pages", new { slug = "delivery-terms", title = "Условия доставки", content = "<p>С 9 до 21</p>" })).Json();
        await director.PostJson("/api/v1/pages", new { slug = "about", title = "О нас", content = "<p>Цветы с 2012 года</p>", published = false });
        var id = terms.GetProperty("id").GetGuid();

        var list = await (await director.GetAsync("/api/v1/pages")).Json();
        list.EnumerateArray().Select(p => p.GetProperty("slug").GetString()).Should().Equal("about", "delivery-terms");
        (await Api.Client().GetAsync("/api/v1/pages/about?shop_id=17008")).StatusCode.Should().Be(HttpStatusCode.NotFound, "an unpublished page is not public");
        (await Api.Client(world.Florist).GetAsync("/api/v1/pages")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await Api.Client(world.OtherShopDirector).GetAsync("/api/v1/pages")).Json()).GetArrayLength().Should().Be(0);

        var changed = await director.PutAsJsonAsync($"/api/v1/pages/{id}", new { title = "Доставка и оплата", title_kk = "Жеткізу" });
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        var shown = await (await Api.Client().GetAsync("/api/v1/pages/delivery-terms?shop_id=17008")).Json();
        (shown.GetProperty("title").GetString(), shown.GetProperty("content").GetString()).Should().Be(("Доставка и оплата", "<p>С 9 до 21</p>"));
        (await director.PutAsJsonAsync($"/api/v1/pages/{id}", new { slug = "about" })).StatusCode.Should().Be(HttpStatusCode.Conflict, "the slug is taken");
        (await Api.Client(world.OtherShopDirector).PutAsJsonAsync($"/api/v1/pages/{id}", new { title = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await Api.Client(world.OtherShopDirector).DeleteAsync($"/api/v1/pages/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await director.DeleteAsync($"/api/v1/pages/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Api.Client().GetAsync("/api/v1/pages/delivery-terms?shop_id=17008")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await director.GetAsync("/api/v1/pages")).Json()).EnumerateArray().Select(p => p.GetProperty("slug").GetString()).Should().Equal("about");
        await using var session = Api.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession("17008");
        (await session.Query<Cvety.Application.Content.Page>().Where(p => p.MaybeDeleted() && p.Id == id).CountAsync()).Should().Be(1, "a removal is a soft delete");
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

        // Shown again by staff of the shop only: another shop's director does not find it.
        var id = created.GetProperty("id").GetGuid();
        (await Api.Client(world.OtherShopDirector).PutAsync($"/api/v1/reviews/{id}/show", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Api.Client().PutAsync($"/api/v1/reviews/{id}/show", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Api.Client(world.Manager).PutAsync($"/api/v1/reviews/{id}/show", null)).IsSuccessStatusCode.Should().BeTrue();
        (await (await Api.Client().GetAsync($"/api/v1/reviews/product/{world.Bouquet}?shop_id=17008")).Json()).GetProperty("total").GetInt32().Should().Be(1);
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
        platform.GetProperty("reviews").EnumerateArray().Select(r => r.GetProperty("text").GetString()).Should().Contain("Красиво");
    }
}
