using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Cvety.Application.Bitrix;
using Cvety.Domain.Shops;
using Cvety.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Cvety.IntegrationTests.Bitrix;

/// <summary>
/// Status deliveries that arrive together, repeats of one delivery and two statuses for one order among them: each
/// sender gets its own answer, every change happens once, and one failing delivery takes no other with it.
/// </summary>
public sealed class when_bitrix_reports_many_statuses_at_once(CvetyApi api) : ApiTest(api)
{
    private const int Orders = 24;
    private const long FirstBitrixId = 300_000;

    private async Task<(HttpStatusCode Status, string Body)> Send(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/order-status-sync") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Webhook-Secret", CvetyApi.BitrixWebhookSecret);
        using var response = await Api.Client().SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Status(long bitrixId, string code, int by) =>
        $"{{\"order_id\":{bitrixId.ToString(CultureInfo.InvariantCulture)},\"status\":\"{code}\",\"changed_by_id\":{by}}}";

    [Fact]
    public async Task every_sender_gets_its_own_answer_and_every_change_happens_once()
    {
        var world = await BitrixWorld.CreateAsync(Api);
        var orderIds = new Dictionary<long, Guid>();
        for (var i = 0; i < Orders; i++)
        {
            var create = BitrixWorld.Sample("bitrix-order-create.json");
            create["data"]!["ID"] = (FirstBitrixId + i).ToString(CultureInfo.InvariantCulture);
            var created = await Api.Client().PostJson("/webhooks/bitrix/order", create);
            created.StatusCode.Should().Be(HttpStatusCode.OK);
            orderIds[FirstBitrixId + i] = (await created.Json()).GetProperty("order_id").GetGuid();
        }

        // One change per order, the first order's delivery four times, plus what is skipped or refused alone.
        var deliveries = Enumerable.Range(0, Orders).Select(i => Status(FirstBitrixId + i, "AP", 100 + i))
            .Concat(Enumerable.Repeat(Status(FirstBitrixId, "AP", 100), 3))
            .Append(Status(999_999, "AP", 1))
            .Append("{\"order_id\":" + (FirstBitrixId + 1).ToString(CultureInfo.InvariantCulture) + ",\"status\":\"XX\"}")
            .Append("{\"order_id\":" + (FirstBitrixId + 2).ToString(CultureInfo.InvariantCulture) + "}")
            .ToList();
        var answers = await Task.WhenAll(deliveries.Select(Send));

        for (var i = 0; i < Orders; i++)
        {
            var (status, body) = answers[i];
            status.Should().Be(HttpStatusCode.OK, body);
            var orderId = orderIds[FirstBitrixId + i];
            if (i == 0) continue; // the first order's four deliveries are checked together below
            body.Should().Be($"{{\"status\":\"success\",\"order_id\":\"{orderId}\",\"railway_order_id\":\"{orderId}\",\"bitrix_order_id\":{FirstBitrixId + i},\"old_status\":\"new\",\"new_status\":\"accepted\",\"history_recorded\":true}}");
        }

        var repeats = new[] { answers[0] }.Concat(answers.Skip(Orders).Take(3)).ToList();
        repeats.Select(a => a.Body).Distinct().Should().ContainSingle("a repeated delivery answers what the first one got");
        repeats[0].Body.Should().Contain("\"status\":\"success\"").And.Contain($"\"order_id\":\"{orderIds[FirstBitrixId]}\"");

        answers[Orders + 3].Body.Should().Be("{\"status\":\"skipped\",\"reason\":\"Order not found\",\"bitrix_order_id\":999999}");
        answers[Orders + 4].Body.Should().Be($"{{\"status\":\"skipped\",\"reason\":\"Unknown status: XX\",\"bitrix_order_id\":{FirstBitrixId + 1}}}");
        answers[Orders + 5].Status.Should().Be(HttpStatusCode.UnprocessableEntity);

        foreach (var (bitrixId, orderId) in orderIds)
        {
            var timeline = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{orderId}/timeline")).Json();
            timeline.EnumerateArray().Count(e => e.GetProperty("type").GetString() == "order_accepted").Should().Be(1, $"Bitrix order {bitrixId}");
            var history = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{orderId}/history")).Json();
            var row = history.EnumerateArray().Last(r => r.GetProperty("field_name").GetString() == "status");
            (row.GetProperty("new_value").GetString(), row.GetProperty("changed_by").GetString()).Should().Be(("accepted", "bitrix"));
        }

        // Who in Bitrix made each change stays with that change.
        var second = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{orderIds[FirstBitrixId + 5]}/timeline")).Json();
        JsonSerializer.Serialize(second.EnumerateArray().Last(e => e.GetProperty("type").GetString() == "order_accepted")).Should().Contain("bitrix-user:105");
    }

    [Fact]
    public async Task two_statuses_for_one_order_at_once_apply_one_after_the_other()
    {
        var world = await BitrixWorld.CreateAsync(Api);
        var create = BitrixWorld.Sample("bitrix-order-create.json");
        create["data"]!["ID"] = "310000";
        var orderId = (await (await Api.Client().PostJson("/webhooks/bitrix/order", create)).Json()).GetProperty("order_id").GetGuid();

        var answers = await Task.WhenAll(Send(Status(310_000, "AP", 1)), Send(Status(310_000, "CO", 1)));

        answers.Should().AllSatisfy(a => a.Status.Should().Be(HttpStatusCode.OK));
        // Whichever came first, the second was decided on the state the first left: never two changes from "new".
        // AP then CO: accepted, then assembled. CO then AP: assembled, and AP is a conflict. Either way: assembled.
        answers.Count(a => a.Body.Contains("\"old_status\":\"new\"", StringComparison.Ordinal)).Should().Be(1);
        var order = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{orderId}")).Json();
        order.GetProperty("status").GetString().Should().Be("assembled");
        var timeline = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{orderId}/timeline")).Json();
        timeline.EnumerateArray().Count(e => e.GetProperty("type").GetString() == "order_assembled").Should().Be(1);
    }

    [Fact]
    public async Task one_delivery_that_fails_does_not_take_the_others_with_it()
    {
        var world = await BitrixWorld.CreateAsync(Api);
        var orderIds = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var create = BitrixWorld.Sample("bitrix-order-create.json");
            create["data"]!["ID"] = (320_000 + i).ToString(CultureInfo.InvariantCulture);
            orderIds.Add((await (await Api.Client().PostJson("/webhooks/bitrix/order", create)).Json()).GetProperty("order_id").GetGuid());
        }
        // A link to an order whose stream is not there: deciding it throws.
        await using (var session = Api.Services.GetRequiredService<IDocumentStore>().LightweightSession(Shop.TenantIdFor(CvetyApi.BitrixShopId)))
        {
            session.Store(new BitrixOrderLink(BitrixOrderLink.KeyOf(329_999), Guid.NewGuid()));
            await session.SaveChangesAsync();
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Status(320_000 + i, "AP", 7))
            .Append(Status(329_999, "AP", 7)).Select(Send));

        answers[^1].Status.Should().Be(HttpStatusCode.NotFound);
        for (var i = 0; i < 12; i++)
        {
            answers[i].Body.Should().Contain("\"status\":\"success\"").And.Contain($"\"order_id\":\"{orderIds[i]}\"");
            var timeline = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{orderIds[i]}/timeline")).Json();
            timeline.EnumerateArray().Count(e => e.GetProperty("type").GetString() == "order_accepted").Should().Be(1);
        }
    }
}
