using System.Net;
using System.Text.Json;
using Cvety.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cvety.IntegrationTests.Clients;

/// <summary>
/// An erasure that erases: after staff carry out a client's request, the stored events and every document of the shop
/// hold no trace of the person's name, phones or address, while the orders keep their accounting facts.
/// </summary>
public sealed class when_staff_erase_a_clients_data(CvetyApi api) : ApiTest(api)
{
    // What the person gave the shop, as it would appear in any table (the phone in every spelling by its digits).
    private static readonly string[] Traces = ["Айгуль", "7010000001", "Достык", "Анара", "7020000002", "С днём рождения", "aigul_tg"];

    [Fact]
    public async Task no_table_of_the_shop_holds_their_name_phone_or_address_and_the_orders_keep_their_accounts()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var manager = Api.Client(world.Manager);
        var first = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        var second = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        (await manager.Status(first, "accepted")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await manager.PostJson($"/api/v1/orders/{first}/notes", new { text = "Айгуль просила позвонить на 87010000001" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var bot = Api.Client();
        bot.DefaultRequestHeaders.Add("X-Bot-Key", CvetyApi.BotKey);
        (await bot.PostJson("/api/v1/telegram/client/register",
            new { telegram_user_id = 5551234, phone = "87010000001", customer_name = "Айгуль", shop_id = 17008, telegram_username = "aigul_tg" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var client = (await (await manager.GetAsync("/api/v1/clients/?search=7010000001")).Json())[0].GetProperty("id").GetGuid();
        (await TracesAsync()).Should().NotBeEmpty("the test must see the person before the erasure to mean anything after it");
        var before = await (await manager.GetAsync($"/api/v1/orders/{first}")).Json();

        var erased = await manager.PostJson($"/api/v1/clients/{client}/erase", new { reason = "просьба клиента по телефону" });
        erased.StatusCode.Should().Be(HttpStatusCode.OK, await erased.Content.ReadAsStringAsync());

        // The events are rewritten and the documents rebuilt by the durable message that follows the erasure.
        (await Eventually.HoldsAsync(async () => (await TracesAsync()).Count == 0, TimeSpan.FromSeconds(20)))
            .Should().BeTrue("no trace may remain: " + string.Join("; ", await TracesAsync()));

        // The orders keep their accounts: lines, amounts, status, and say where the person was erased.
        var after = await (await manager.GetAsync($"/api/v1/orders/{first}")).Json();
        foreach (var kept in new[] { "total", "delivery_cost", "status", "order_number", "delivery_date" })
            after.GetProperty(kept).GetRawText().Should().Be(before.GetProperty(kept).GetRawText(), kept + " is an accounting fact");
        after.GetProperty("items").GetRawText().Should().Be(before.GetProperty("items").GetRawText());
        (after.GetProperty("customer_name").GetString(), after.GetProperty("recipient_name").GetString(), after.GetProperty("delivery_address").GetString())
            .Should().Be(("[удалено]", "[удалено]", "[удалено]"));
        (await (await manager.GetAsync($"/api/v1/orders/{second}")).Json()).GetProperty("customer_name").GetString().Should().Be("[удалено]");

        // The timeline keeps every step and who took it, and names who erased and why.
        var timeline = (await (await manager.GetAsync($"/api/v1/orders/{first}/timeline")).Json()).EnumerateArray().ToList();
        timeline.Select(e => e.GetProperty("type").GetString()).Should().StartWith(["order_placed", "order_accepted", "order_note_added"])
            .And.EndWith("order_personal_data_erased");
        var managerId = timeline[0].GetProperty("actor").GetString(); // the manager placed the order
        var erasure = timeline[^1];
        (erasure.GetProperty("actor").GetString(), erasure.GetProperty("role").GetString(), erasure.GetProperty("reason").GetString())
            .Should().Be((managerId, "MANAGER", "просьба клиента по телефону"));
        timeline[1].GetProperty("actor").GetString().Should().Be(managerId, "staff actions keep their actor");
        var history = await (await manager.GetAsync($"/api/v1/clients/{client}/history")).Json();
        history.EnumerateArray().Last().GetProperty("event").GetString().Should().Be("client_data_erased");

        // The shop's boards and statistics still count the orders.
        (await (await manager.GetAsync("/api/v1/orders")).Json()).GetArrayLength().Should().Be(2);
    }

    /// <summary>Every row of the shop's events and documents (and of every document table without tenants) that holds a trace.</summary>
    private async Task<List<string>> TracesAsync()
    {
        var found = new List<string>();
        await using var connection = new NpgsqlConnection(Api.Database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<(string Name, bool Tenanted)>();
        await using (var list = new NpgsqlCommand("""
            select t.table_name, exists(select 1 from information_schema.columns c where c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'tenant_id')
            from information_schema.tables t where t.table_schema = 'cvety' and (t.table_name like 'mt_doc_%' or t.table_name = 'mt_events')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add((reader.GetString(0), reader.GetBoolean(1)));
        tables.Should().Contain(t => t.Name == "mt_events");
        foreach (var (table, tenanted) in tables)
        {
            await using var read = new NpgsqlCommand($"select t::text from cvety.{table} t" + (tenanted ? " where tenant_id = '17008'" : ""), connection);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = reader.GetString(0);
                foreach (var trace in Traces.Where(t => row.Contains(t, StringComparison.Ordinal)))
                    found.Add($"{table}: {trace}");
            }
        }
        return found;
    }
}
