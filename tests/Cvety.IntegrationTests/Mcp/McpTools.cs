using System.Text.Json;
using Cvety.IntegrationTests.Catalog;
using Cvety.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Cvety.IntegrationTests.Mcp;

/// <summary>
/// Cvety's MCP endpoint through the SDK's own client over its HTTP transport, against the running host: the tools a
/// caller sees follow their role, every tool answers, refusals are tool errors in the API's words, and what an
/// assistant changes is recorded as coming from it.
/// </summary>
public sealed class when_an_assistant_works_through_mcp(CvetyApi api) : ApiTest(api)
{
    private static readonly string[] CustomerToolNames =
    [
        "search_products", "search_products_by_photo", "get_product", "get_shop_info", "get_faq", "get_delivery_slots",
        "validate_delivery_time", "check_delivery_feasibility", "parse_delivery_time", "preview_basket", "place_order",
        "track_order", "track_orders_by_phone", "change_order_as_customer", "get_client_profile", "set_client_privacy",
    ];

    private static readonly string[] EveryStaffToolNames =
        ["list_orders", "get_order", "change_order_status", "cancel_order", "add_order_note", "assign_order", "low_stock", "get_client"];

    private static readonly string[] ManagerOnlyToolNames = ["create_payment_link", "refund_order"];

    [Fact]
    public async Task the_tools_a_caller_sees_follow_their_role()
    {
        var world = await ShopWorld.CreateAsync(Api);
        async Task<List<string>> Names(string? token) => [.. (await (await ConnectAsync(token)).ListToolsAsync()).Select(t => t.Name)];

        (await Names(null)).Should().BeEquivalentTo(CustomerToolNames, "a stranger sees what the public routes offer");
        (await Names(world.Florist)).Should().BeEquivalentTo(CustomerToolNames.Concat(EveryStaffToolNames));
        (await Names(world.Courier)).Should().BeEquivalentTo(CustomerToolNames.Concat(EveryStaffToolNames));
        (await Names(world.Manager)).Should().BeEquivalentTo(CustomerToolNames.Concat(EveryStaffToolNames).Concat(ManagerOnlyToolNames));

        var tools = await (await ConnectAsync(world.Manager)).ListToolsAsync();
        tools.Should().OnlyContain(t => !string.IsNullOrWhiteSpace(t.Description) && t.Description!.Length > 40, "each tool says what it does");
        tools.Single(t => t.Name == "refund_order").Description.Should().Contain("tiyn");
    }

    [Fact]
    public async Task every_tool_answers_and_an_order_placed_through_mcp_is_on_the_board_with_its_source()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var agent = await ConnectAsync(agentKey: true);
        var stranger = await ConnectAsync();
        var manager = await ConnectAsync(world.Manager);
        (await Api.Client(world.Director).UploadImageAsync(world.Bouquet, Bouquets.Photo(2))).EnsureSuccessStatusCode();

        // The customer's side, as the shop's agent and as a stranger.
        await OkAsync(stranger, "search_products", new() { ["shop_id"] = 17008, ["query"] = "букет" });
        var photo = Convert.ToBase64String(Bouquets.Photo(2, size: 300, quality: 60));
        (await Eventually.HoldsAsync(async () => (await OkAsync(stranger, "search_products_by_photo", new() { ["shop_id"] = 17008, ["image_base64"] = photo }))
            .GetProperty("results").EnumerateArray().Any(r => r.GetProperty("id").GetInt32() == world.Bouquet))).Should().BeTrue();
        (await OkAsync(stranger, "get_product", new() { ["shop_id"] = 17008, ["product_id"] = world.Bouquet })).GetProperty("product").GetProperty("id").GetInt32().Should().Be(world.Bouquet);
        await OkAsync(stranger, "get_shop_info", new() { ["shop_id"] = 17008 });
        await OkAsync(stranger, "get_faq", new() { ["shop_id"] = 17008 });
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5)).AddDays(1).ToString("yyyy-MM-dd");
        await OkAsync(stranger, "get_delivery_slots", new() { ["shop_id"] = 17008, ["date"] = tomorrow });
        await OkAsync(stranger, "validate_delivery_time", new() { ["shop_id"] = 17008, ["delivery_date"] = tomorrow, ["delivery_time"] = "14:00" });
        await OkAsync(stranger, "check_delivery_feasibility", new() { ["shop_id"] = 17008, ["delivery_date"] = tomorrow });
        (await OkAsync(stranger, "parse_delivery_time", new() { ["shop_id"] = 17008, ["date_str"] = "завтра", ["time_str"] = "к 14:00" }))
            .GetProperty("date").GetString().Should().Be(tomorrow);
        var items = new[] { new { product_id = world.Bouquet, quantity = 2 } };
        (await OkAsync(stranger, "preview_basket", new() { ["shop_id"] = 17008, ["items"] = items })).GetProperty("available").GetBoolean().Should().BeTrue();

        var receipt = await OkAsync(agent, "place_order", new()
        {
            ["shop_id"] = 17008, ["customer_name"] = "Айгуль", ["phone"] = "87010000001", ["items"] = items,
            ["delivery_address"] = "пр. Достык, 1", ["delivery_date"] = tomorrow, ["scheduled_time"] = "14:00-16:00", ["recipient_name"] = "Анара",
        });
        var orderId = receipt.GetProperty("id").GetGuid();
        var tracking = receipt.GetProperty("tracking_id").GetString()!;
        (await OkAsync(stranger, "track_order", new() { ["tracking_id"] = tracking })).GetProperty("status").GetString().Should().NotBeNullOrEmpty();
        (await OkAsync(agent, "track_orders_by_phone", new() { ["shop_id"] = 17008, ["phone"] = "+77010000001" })).GetArrayLength().Should().Be(1);
        (await OkAsync(stranger, "change_order_as_customer", new() { ["tracking_id"] = tracking, ["postcard_text"] = "С любовью" }))
            .GetProperty("postcard_text").GetString().Should().Be("С любовью");
        (await OkAsync(agent, "get_client_profile", new() { ["shop_id"] = 17008, ["phone"] = "+77010000001" })).GetProperty("found").GetBoolean().Should().BeTrue();
        await OkAsync(agent, "set_client_privacy", new() { ["shop_id"] = 17008, ["phone"] = "+77010000001", ["personalization_enabled"] = true });
        (await ErrorAsync(stranger, "get_client_profile", new() { ["shop_id"] = 17008, ["phone"] = "+77010000001" })).Should().StartWith("401");

        // The order is on the board; its timeline says it came through MCP, from the shop's agent.
        var board = await (await Api.Client(world.Manager).GetAsync("/api/v1/orders")).Json();
        board.EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).Should().Contain(orderId);
        var timeline = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{orderId}/timeline")).Json();
        (timeline[0].GetProperty("source").GetString(), timeline[0].GetProperty("actor").GetString()).Should().Be(("mcp", "agent"));
        timeline.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "postcard_changed").GetProperty("source").GetString().Should().Be("mcp");

        // The staff's side, as a manager: each change is the manager's, through MCP.
        (await OkAsync(manager, "list_orders", new() { ["status"] = "new" })).GetProperty("items").EnumerateArray()
            .Select(o => o.GetProperty("id").GetGuid()).Should().Contain(orderId);
        (await OkAsync(manager, "get_order", new() { ["order_id"] = orderId })).GetProperty("timeline").GetArrayLength().Should().BeGreaterThan(1);
        (await OkAsync(manager, "change_order_status", new() { ["order_id"] = orderId, ["status"] = "accepted", ["notes"] = "через ассистента" }))
            .GetProperty("status").GetString().Should().Be("accepted");
        await OkAsync(manager, "add_order_note", new() { ["order_id"] = orderId, ["text"] = "Позвонить за час" });
        await OkAsync(manager, "assign_order", new() { ["order_id"] = orderId, ["user_id"] = world.FloristId, ["role"] = "florist" });
        await OkAsync(manager, "low_stock", new());
        (await OkAsync(manager, "get_client", new() { ["phone"] = "+77010000001" })).GetProperty("orders").GetArrayLength().Should().BeGreaterThan(0);
        var after = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{orderId}/timeline")).Json();
        var accepted = after.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "order_accepted");
        (accepted.GetProperty("source").GetString(), accepted.GetProperty("role").GetString()).Should().Be(("mcp", "MANAGER"));

        // A card order paid through its link, then refunded; another order cancelled.
        var card = (await world.PlaceAsync(Api, body: world.NewOrder(payment: "card"))).GetProperty("id").GetGuid();
        var link = await OkAsync(manager, "create_payment_link", new() { ["order_id"] = card });
        Api.Kaspi.SetStatus(link.GetProperty("payment_id").GetString()!, "Processed");
        (await Eventually.HoldsAsync(async () => (await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{card}")).Json()).GetProperty("is_paid").GetBoolean(),
            TimeSpan.FromSeconds(15))).Should().BeTrue();
        (await OkAsync(manager, "refund_order", new() { ["order_id"] = card, ["reason"] = "клиент передумал", ["amount"] = 100_000 }))
            .GetProperty("amount").GetInt64().Should().Be(100_000);
        (await OkAsync(manager, "cancel_order", new() { ["order_id"] = orderId, ["reason"] = "дубль" })).GetProperty("status").GetString().Should().Be("cancelled");
    }

    [Fact]
    public async Task refusals_are_tool_errors_in_the_apis_words()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var order = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        var florist = await ConnectAsync(world.Florist);

        // Not listed for a florist, and refused when called anyway.
        (await ErrorAsync(florist, "refund_order", new() { ["order_id"] = order, ["reason"] = "x" })).Should().NotBeNullOrEmpty();
        (await ErrorAsync(florist, "change_order_status", new() { ["order_id"] = order, ["status"] = "delivered" })).Should().StartWith("403");
        // Another shop's order is not found; a bad input names its field; a stranger is not staff.
        (await ErrorAsync(await ConnectAsync(world.OtherShopDirector), "get_order", new() { ["order_id"] = order })).Should().StartWith("404");
        (await ErrorAsync(await ConnectAsync(world.Manager), "add_order_note", new() { ["order_id"] = order, ["text"] = "" })).Should().StartWith("422").And.Contain("[text]");
        (await ErrorAsync(await ConnectAsync(), "search_products", new() { ["query"] = "роза" })).Should().StartWith("422").And.Contain("[shop_id]");
        (await ErrorAsync(await ConnectAsync(), "list_orders", new())).Should().NotBeNullOrEmpty();
        (await ErrorAsync(await ConnectAsync(world.Manager), "place_order", new()
        {
            ["customer_name"] = "Айгуль", ["phone"] = "87010000001", ["items"] = new[] { new { product_id = world.Bouquet, quantity = 0 } },
        })).Should().StartWith("422").And.Contain("quantity");
        // Nothing changed by any of them.
        var timeline = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{order}/timeline")).Json();
        timeline.GetArrayLength().Should().Be(1);
    }

    private async Task<McpClient> ConnectAsync(string? token = null, bool agentKey = false)
    {
        var http = Api.Client(token);
        if (agentKey) http.DefaultRequestHeaders.Add("X-Bot-Key", CvetyApi.BotKey);
        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, "/mcp") }, http, NullLoggerFactory.Instance, ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }

    private static async Task<JsonElement> OkAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments);
        var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));
        (result.IsError ?? false).Should().BeFalse($"{tool} answers: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<string> ErrorAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        try
        {
            var result = await client.CallToolAsync(tool, arguments);
            var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));
            (result.IsError ?? false).Should().BeTrue($"{tool} should be refused, but answered {text}");
            return text;
        }
        catch (ModelContextProtocol.McpException e)
        {
            // A tool the caller may not use is not found for them (the SDK's authorization filter): a protocol error.
            return e.Message;
        }
    }
}
