using System.Net;
using System.Net.Http.Headers;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Orders;

public sealed class when_staff_work_the_board(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task the_photo_is_stored_served_and_shown_to_the_customer()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var order = await world.PlaceAsync(Api);
        var id = order.GetProperty("id").GetGuid();
        var tracking = order.GetProperty("tracking_id").GetString();
        await Api.Client(world.Florist).Status(id, "accepted");

        var upload = await Api.Client(world.Florist).PostAsync($"/api/v1/orders/{id}/photo", OrderPhotos.Form(OrderPhotos.Png));
        upload.StatusCode.Should().Be(HttpStatusCode.OK, await upload.Content.ReadAsStringAsync());
        var url = (await upload.Json()).GetProperty("photos")[0].GetProperty("url").GetString()!;
        url.Should().StartWith("/media/orders/17008/").And.EndWith(".png");
        (await Api.Client().GetByteArrayAsync(url)).Should().Equal(OrderPhotos.Png);

        await Api.Client(world.Florist).Status(id, "assembled");
        var assembled = await (await Api.Client(world.Director).GetAsync($"/api/v1/orders/{id}/timeline")).Json();
        assembled.EnumerateArray().Last().GetProperty("data").GetProperty("photo_url").GetString().Should().Be(url);

        var like = await Api.Client().PostJson($"/api/v1/orders/by-tracking/{tracking}/photo/feedback", new { feedback = "like", comment = "Красиво!" });
        like.StatusCode.Should().Be(HttpStatusCode.OK);
        (await like.Json()).GetProperty("photos")[0].GetProperty("feedback").GetString().Should().Be("like");
        (await Api.Client().PostJson($"/api/v1/orders/by-tracking/{tracking}/photo/feedback", new { feedback = "dislike" }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Api.Client().PostJson($"/api/v1/orders/by-tracking/{tracking}/photo/feedback", new { feedback = "meh" }))
            .StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task a_file_that_is_not_an_image_is_refused()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var id = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        var response = await Api.Client(world.Florist).PostAsync($"/api/v1/orders/{id}/photo", OrderPhotos.Form("<?php echo 1; ?>"u8.ToArray()));
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Api.Client(world.Florist).PostAsync($"/api/v1/orders/{id}/photo", new MultipartFormDataContent())).StatusCode.Should().BeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity);
        (await Api.Client(world.Courier).PostAsync($"/api/v1/orders/{id}/photo", OrderPhotos.Form(OrderPhotos.Png))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task florists_and_couriers_are_assigned_and_find_their_orders()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var mine = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        await world.PlaceAsync(Api);

        (await Api.Client(world.Manager).Patch($"/api/v1/orders/{mine}/assign-responsible", new { user_id = world.FloristId })).StatusCode.Should().Be(HttpStatusCode.OK);
        var assigned = await Api.Client(world.Courier).Patch($"/api/v1/orders/{mine}/assign-courier", new { user_id = world.CourierId });
        assigned.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await assigned.Json();
        body.GetProperty("responsible_id").GetGuid().Should().Be(world.FloristId);
        body.GetProperty("courier_id").GetGuid().Should().Be(world.CourierId);

        // A courier cannot be made responsible florist, and a florist cannot assign someone else.
        (await Api.Client(world.Manager).Patch($"/api/v1/orders/{mine}/assign-responsible", new { user_id = world.CourierId })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Api.Client(world.Florist).Patch($"/api/v1/orders/{mine}/assign-courier", new { user_id = world.CourierId })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var florists = await (await Api.Client(world.Florist).GetAsync("/api/v1/orders?assigned_to_me=true")).Json();
        florists.GetArrayLength().Should().Be(1);
        florists[0].GetProperty("id").GetGuid().Should().Be(mine);

        var history = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{mine}/history")).Json();
        history.EnumerateArray().Select(r => r.GetProperty("field_name").GetString()).Should().Contain(["responsible", "courier"]);
    }

    [Fact]
    public async Task the_board_filters_by_status_phone_text_and_date()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var first = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        var other = new Dictionary<string, object?>
        {
            ["customerName"] = "Болат", ["phone"] = "+77075554433", ["items"] = new[] { new { product_id = world.Bouquet, quantity = 1 } },
            ["delivery_type"] = "pickup", ["payment_method"] = "kaspi",
        };
        await world.PlaceAsync(Api, body: other);
        await Api.Client(world.Manager).Status(first, "accepted");

        async Task<long> Count(string query) => long.Parse((await Api.Client(world.Manager).GetAsync("/api/v1/orders" + query)).Headers.GetValues("X-Total-Count").Single());
        (await Count("")).Should().Be(2);
        (await Count("?status=accepted")).Should().Be(1);
        (await Count("?phone=8%20707%20555%2044%2033")).Should().Be(1);
        (await Count("?customer_phone=7075554433")).Should().Be(1);
        (await Count("?search=%D0%B1%D0%BE%D0%BB%D0%B0%D1%82")).Should().Be(1); // "болат", any case
        (await Count("?search=%2300001")).Should().Be(1);
        (await Count("?date_from=2026-12-01&date_to=2026-12-01")).Should().Be(1);
        (await Count("?limit=1")).Should().Be(2);
        (await (await Api.Client(world.Manager).GetAsync("/api/v1/orders?limit=1")).Json()).GetArrayLength().Should().Be(1);
        (await Api.Client(world.Manager).GetAsync("/api/v1/orders?status=lost")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Api.Client(world.Manager).GetAsync("/api/v1/orders?limit=100000")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }
}

public static class OrderPhotos
{
    // A 1x1 PNG.
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static MultipartFormDataContent Form(byte[] content) => new()
    {
        { new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "file", "photo.png" },
    };
}
