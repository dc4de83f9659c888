using System.Net;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Payments;

/// <summary>The legacy /kaspi/* routes, amounts in tenge, every one behind authorisation (the legacy left refunds open).</summary>
public sealed class when_the_kaspi_routes_are_called(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task a_payment_created_for_an_order_pays_it_through_the_usual_flow_and_its_status_is_readable()
    {
        var world = await PaymentsWorld.CreateAsync(Api);
        var order = await world.PlaceAsync(Api, payment: "cash");
        (await Api.Client().PostJson("/api/v1/kaspi/create?shop_id=31", new { phone = "+77015211545", amount = 16500, order_id = order }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var created = await Api.Client(world.Manager).PostJson("/api/v1/kaspi/create", new { phone = "87015211545", amount = 16500, message = "Оплата", order_id = order });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var externalId = (await created.Json()).GetProperty("external_id").GetString()!;
        Api.Kaspi.CallsTo("create").Should().ContainSingle().Which.Query["amount"].Should().Be("16500");

        Api.Kaspi.SetStatus(externalId, "Processed");
        (await Eventually.HoldsAsync(async () => (await world.OrderAsync(Api, order)).GetProperty("is_paid").GetBoolean(), TimeSpan.FromSeconds(10))).Should().BeTrue();
        var status = await (await Api.Client(world.Florist).GetAsync($"/api/v1/kaspi/status/{externalId}")).Json();
        (status.GetProperty("status").GetString(), status.GetProperty("order_id").GetGuid()).Should().Be(("Processed", order));
        var details = await (await Api.Client(world.Manager).GetAsync($"/api/v1/kaspi/details/{externalId}")).Json();
        (details.GetProperty("amount_tiyn").GetInt64(), details.GetProperty("phone_masked").GetString()).Should().Be((1_650_000L, "+770*****545"));
        (await Api.Client(world.OtherManager).GetAsync($"/api/v1/kaspi/status/{externalId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Api.Client(world.Manager).PostJson("/api/v1/kaspi/create", new { phone = "87015211545", amount = 1, order_id = order }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "the order is paid");
    }

    [Fact]
    public async Task a_refund_above_what_is_left_is_a_409_and_one_within_reaches_kaspi_once()
    {
        var world = await PaymentsWorld.CreateAsync(Api);
        var order = await world.PlaceAsync(Api);
        (await Eventually.HoldsAsync(() => Task.FromResult(Api.Kaspi.Payments.Count == 1))).Should().BeTrue();
        var externalId = Api.Kaspi.Payments.Single().Id;
        (await Eventually.HoldsAsync(async () => (await world.OrderAsync(Api, order)).GetProperty("kaspi_payment_id").GetString() == externalId)).Should().BeTrue();
        Api.Kaspi.SetStatus(externalId, "Processed");
        (await Eventually.HoldsAsync(async () => (await world.OrderAsync(Api, order)).GetProperty("is_paid").GetBoolean(), TimeSpan.FromSeconds(10))).Should().BeTrue();

        (await Api.Client().PostJson("/api/v1/kaspi/refund", new { external_id = externalId, amount = 1000 })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Api.Client(world.Florist).PostJson("/api/v1/kaspi/refund", new { external_id = externalId, amount = 1000 })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Api.Client(world.OtherManager).PostJson("/api/v1/kaspi/refund", new { external_id = externalId, amount = 1000 })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Api.Client(world.Manager).PostJson("/api/v1/kaspi/refund", new { external_id = externalId, amount = 20000 })).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var refund = await Api.SettledAsync(() => Api.Client(world.Manager).PostJson("/api/v1/kaspi/refund", new { external_id = externalId, amount = 1000 }));
        refund.StatusCode.Should().Be(HttpStatusCode.Accepted, await refund.Content.ReadAsStringAsync());
        (await Eventually.HoldsAsync(async () => (await world.OrderAsync(Api, order)).GetProperty("refunded_amount").GetInt64() == 100_000)).Should().BeTrue();
        Api.Kaspi.CallsTo("refund").Should().ContainSingle().Which.Query["amount"].Should().Be("1000");
    }
}
