using System.Net;
using System.Net.Http.Headers;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Orders;

public sealed class when_another_shop_reaches_for_an_order(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task every_endpoint_answers_404_and_nothing_changes()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var id = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        var other = Api.Client(world.OtherShopDirector);

        (await other.GetAsync($"/api/v1/orders/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/orders/{id}?as_of_version=1")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/orders/{id}/history")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/orders/{id}/timeline")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.Status(id, "accepted")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.PostJson($"/api/v1/orders/{id}/cancel", new { reason = "чужой" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.PostJson($"/api/v1/orders/{id}/notes", new { text = "чужой" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.Patch($"/api/v1/orders/{id}/assign-responsible", new { user_id = world.FloristId })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.Patch($"/api/v1/orders/{id}/assign-courier", new { user_id = world.CourierId })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var photo = new MultipartFormDataContent { { new ByteArrayContent(OrderPhotos.Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "file", "p.png" } };
        (await other.PostAsync($"/api/v1/orders/{id}/photo", photo)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // The other shop's board does not list it, and a shop_id in the query changes nothing for staff.
        var board = await (await other.GetAsync("/api/v1/orders?shop_id=17008")).Json();
        board.GetArrayLength().Should().Be(0);

        var timeline = await (await Api.Client(world.Director).GetAsync($"/api/v1/orders/{id}/timeline")).Json();
        timeline.GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task products_of_another_shop_cannot_be_ordered()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var response = await Api.Client(world.Manager).PostJson("/api/v1/orders", world.NewOrder(items: [new { product_id = world.OtherShopProduct, quantity = 1 }]));
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Json()).GetProperty("errors").TryGetProperty("items[0].product_id", out _).Should().BeTrue();
    }

    [Fact]
    public async Task people_of_another_shop_cannot_be_assigned()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var id = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        var me = await (await Api.Client(world.OtherShopDirector).GetAsync("/api/v1/auth/me")).Json();
        (await Api.Client(world.Manager).Patch($"/api/v1/orders/{id}/assign-responsible", new { user_id = me.GetProperty("id").GetGuid() }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task the_superadmin_names_the_shop()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var id = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        (await Api.Client(world.Admin).GetAsync($"/api/v1/orders/{id}")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Api.Client(world.Admin).GetAsync($"/api/v1/orders/{id}?shop_id=8")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Api.Client(world.Admin).GetAsync($"/api/v1/orders/{id}?shop_id=17008")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
