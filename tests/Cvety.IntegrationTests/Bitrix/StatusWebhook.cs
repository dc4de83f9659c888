using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Bitrix;

public sealed class when_bitrix_reports_a_status(CvetyApi api) : ApiTest(api)
{
    private async Task<HttpResponseMessage> Send(string body, string? secret = CvetyApi.BitrixWebhookSecretPlaceholder)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/order-status-sync") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (secret is not null) request.Headers.Add("X-Webhook-Secret", secret == CvetyApi.BitrixWebhookSecretPlaceholder ? CvetyApi.BitrixWebhookSecret : secret);
        return await Api.Client().SendAsync(request);
    }

    private async Task<(BitrixWorld world, Guid orderId)> OrderFromBitrixAsync()
    {
        var world = await BitrixWorld.CreateAsync(Api);
        var created = await Api.Client().PostJson("/webhooks/bitrix/order", BitrixWorld.Sample("bitrix-order-create.json"));
        created.StatusCode.Should().Be(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        return (world, (await created.Json()).GetProperty("order_id").GetGuid());
    }

    [Fact]
    public async Task every_reference_answer_is_given()
    {
        var (world, orderId) = await OrderFromBitrixAsync();

        var noSecret = await Send("{\"order_id\":122183,\"status\":\"AP\"}", secret: null);
        noSecret.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await noSecret.Content.ReadAsStringAsync()).Should().Be("{\"detail\":\"Invalid webhook secret\"}");
        (await Send("{\"order_id\":122183,\"status\":\"AP\"}", secret: "wrong")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        (await Send("{\"order_id\": ")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Send("{\"order_id\":\"abc\",\"status\":\"AP\"}")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Send("{\"status\":\"AP\"}")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Send("[1,2]")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        (await (await Send("{\"order_id\":999,\"status\":\"AP\"}")).Content.ReadAsStringAsync())
            .Should().Be("{\"status\":\"skipped\",\"reason\":\"Order not found\",\"bitrix_order_id\":999}");
        (await (await Send("{\"order_id\":122183,\"status\":\"XX\"}")).Content.ReadAsStringAsync())
            .Should().Be("{\"status\":\"skipped\",\"reason\":\"Unknown status: XX\",\"bitrix_order_id\":122183}");
        (await (await Send("{\"order_id\":122183,\"status\":\"N\"}")).Content.ReadAsStringAsync())
            .Should().Be("{\"status\":\"skipped\",\"reason\":\"Status unchanged\",\"bitrix_order_id\":122183,\"current_status\":\"new\"}");

        var applied = await Send("{\"order_id\":122183,\"status\":\"AP\",\"changed_by_id\":15,\"notes\":\"Принят флористом\"}");
        applied.StatusCode.Should().Be(HttpStatusCode.OK);
        (await applied.Content.ReadAsStringAsync()).Should().Be(
            $"{{\"status\":\"success\",\"order_id\":\"{orderId}\",\"railway_order_id\":\"{orderId}\",\"bitrix_order_id\":122183,\"old_status\":\"new\",\"new_status\":\"accepted\",\"history_recorded\":true}}");

        var history = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{orderId}/history")).Json();
        var row = history.EnumerateArray().Last(r => r.GetProperty("field_name").GetString() == "status");
        (row.GetProperty("old_value").GetString(), row.GetProperty("new_value").GetString(), row.GetProperty("changed_by").GetString())
            .Should().Be(("new", "accepted", "bitrix"));
    }

    [Fact]
    public async Task a_link_remembered_before_the_database_was_emptied_is_read_again()
    {
        // The first change goes through the link the API remembered when the order was committed.
        await OrderFromBitrixAsync();
        (await (await Send("{\"order_id\":122183,\"status\":\"AP\"}")).Json()).GetProperty("new_status").GetString().Should().Be("accepted");

        // The database is emptied under the running API: the remembered link points at a stream that is gone.
        await Api.ResetAsync();
        (await (await Send("{\"order_id\":122183,\"status\":\"CO\"}")).Content.ReadAsStringAsync())
            .Should().Be("{\"status\":\"skipped\",\"reason\":\"Order not found\",\"bitrix_order_id\":122183}");

        // Kept, and applied when the order arrives again, under its new id.
        var (world, orderId) = await OrderFromBitrixAsync();
        var order = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{orderId}")).Json();
        order.GetProperty("status").GetString().Should().Be("assembled");
        (await (await Send("{\"order_id\":122183,\"status\":\"F\"}")).Json()).GetProperty("order_id").GetGuid().Should().Be(orderId);
    }

    [Fact]
    public async Task the_same_delivery_twice_answers_the_same_and_changes_nothing()
    {
        var (world, orderId) = await OrderFromBitrixAsync();
        var first = await (await Send("{\"order_id\":122183,\"status\":\"CO\"}")).Content.ReadAsStringAsync();
        var second = await (await Send("{\"order_id\":122183,\"status\":\"CO\"}")).Content.ReadAsStringAsync();
        second.Should().Be(first);
        first.Should().Contain("\"new_status\":\"assembled\"");
        var timeline = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{orderId}/timeline")).Json();
        timeline.EnumerateArray().Count(e => e.GetProperty("type").GetString() == "order_assembled").Should().Be(1);
    }

    [Fact]
    public async Task a_backward_status_is_recorded_as_a_conflict_and_not_applied()
    {
        var (world, orderId) = await OrderFromBitrixAsync();
        await Send("{\"order_id\":122183,\"status\":\"F\"}");
        var back = await (await Send("{\"order_id\":122183,\"status\":\"AP\"}")).Json();
        back.GetProperty("status").GetString().Should().Be("skipped");
        back.GetProperty("conflict_recorded").GetBoolean().Should().BeTrue();
        var order = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{orderId}")).Json();
        order.GetProperty("status").GetString().Should().Be("delivered");
        order.GetProperty("status_conflicts")[0].GetProperty("reported").GetString().Should().Be("accepted");
    }

    [Fact]
    public async Task a_bitrix_status_change_is_never_sent_back_to_bitrix()
    {
        var (world, orderId) = await OrderFromBitrixAsync();
        await Send("{\"order_id\":122183,\"status\":\"AP\"}");
        await Api.Client().PostJson("/webhooks/bitrix/order", BitrixWorld.Sample("bitrix-order-status-change.json"));
        // A staff change right after is sent: it proves the outbox is running while the Bitrix ones were not.
        (await Api.SettledAsync(() => Api.Client(world.Florist).Status(orderId, "assembled"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var calls = Api.Bitrix.CallsTo("/api/v2/order/change-status").Where(c => c.Body?["id"]?.ToString() == "122183").ToList();
        calls.Should().ContainSingle();
        calls[0].Body!["statusId"]!.ToString().Should().Be("CO");
        Api.Bitrix.CallsTo("/api/v2/orders/create/").Where(c => c.Body?["railway_order_id"]?.ToString() == orderId.ToString()).Should().BeEmpty();
    }

    [Fact]
    public async Task a_huge_body_is_refused()
    {
        await BitrixWorld.CreateAsync(Api);
        var response = await Send("{\"notes\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }
}

public sealed class when_bitrix_signs_its_webhooks(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task a_standard_webhooks_signature_is_required_once_a_key_is_configured()
    {
        await BitrixWorld.CreateAsync(Api);
        var options = Api.Services.GetRequiredService<Cvety.Application.Bitrix.BitrixOptions>();
        var secret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        options.SigningKey = "whsec_" + Convert.ToBase64String(secret);
        try
        {
            const string body = "{\"order_id\":999,\"status\":\"AP\"}";
            async Task<HttpStatusCode> Send(string? id, long? timestamp, string? signature)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/order-status-sync") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Webhook-Secret", CvetyApi.BitrixWebhookSecret);
                if (id is not null) request.Headers.Add("webhook-id", id);
                if (timestamp is not null) request.Headers.Add("webhook-timestamp", timestamp.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (signature is not null) request.Headers.Add("webhook-signature", signature);
                return (await Api.Client().SendAsync(request)).StatusCode;
            }
            // Signed by hand, as the specification says, so that the check is held to the standard and not to itself.
            string Sign(string id, long timestamp) => "v1," + Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(secret,
                System.Text.Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

            (await Send("msg_1", now, Sign("msg_1", now))).Should().Be(HttpStatusCode.OK);
            (await Send("msg_2", now, Sign("msg_rotated_key", now) + " " + Sign("msg_2", now))).Should().Be(HttpStatusCode.OK, "one valid signature among several is enough (key rotation)");
            (await Send("msg_3", now, Sign("msg_other", now))).Should().Be(HttpStatusCode.Unauthorized);
            (await Send("msg_4", now - 600, Sign("msg_4", now - 600))).Should().Be(HttpStatusCode.Unauthorized, "older than five minutes");
            (await Send(null, null, null)).Should().Be(HttpStatusCode.Unauthorized);
        }
        finally
        {
            options.SigningKey = null;
        }
    }
}
