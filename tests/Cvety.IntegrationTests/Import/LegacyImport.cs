using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cvety.Application.Import;
using Cvety.Domain.Users;
using Cvety.Infrastructure.LegacyImport;
using Cvety.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Cvety.IntegrationTests.Import;

/// <summary>
/// The switch-over: a legacy database in the reference's shape, seeded with its quirks, imported into Cvety and read
/// back through the HTTP API as the clients read it; a second run, a run after the legacy database changed, a killed run.
/// </summary>
public sealed class when_a_shop_switches_from_the_legacy_database(CvetyApi api) : ApiTest(api)
{
    private async Task<ImportReport> ImportAsync(LegacyWorld legacy, int batchSize = 500, Action<ImportProgress>? progress = null)
    {
        var source = new LegacyDatabase(legacy.ConnectionString);
        (await source.CheckSchemaAsync(default)).Should().BeEmpty();
        var importer = new LegacyImporter(Api.Services.GetRequiredService<IDocumentStore>(), TimeProvider.System);
        return await importer.RunAsync(await source.ReadAsync(default), new ImportOptions(LegacyClock.Utc, BatchSize: batchSize), progress, default);
    }

    private async Task<string> DirectorAsync() => await Api.LoginAsync("77088888888", LegacyWorld.DirectorPassword);

    private async Task<JsonElement> OrderByNumberAsync(HttpClient staff, string number) =>
        (await (await staff.GetAsync("/api/v1/orders?limit=100")).Json()).EnumerateArray().Single(o => o.GetProperty("order_number").GetString() == number);

    [Fact]
    public async Task the_shop_is_taken_over_with_its_past_and_the_clients_read_it_as_before()
    {
        var legacy = await LegacyWorld.CreateAsync(Api.Database);
        var report = await ImportAsync(legacy);

        var shop = report.Shops.Single();
        shop.Mismatches.Should().BeEmpty();
        (shop.Tables["order"].Imported, shop.Tables["product"].Imported, shop.Tables["warehouseitem"].Imported).Should().Be((3, 2, 1));
        report.WithoutShop.Select(r => (r.Table, r.Id)).Should().Contain([("order", 4), ("product", 900001), ("client", 4), ("user", 1)]);
        report.WithoutShop.Single(r => r.Table == "user").Reason.Should().Contain("superadmin");
        shop.Warnings.Should().Contain(w => w.Contains("share phone +77015211545"));

        // The legacy password signs in, and again after Cvety replaced its hash.
        var director = await DirectorAsync();
        await DirectorAsync();
        var store = Api.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.QuerySession())
            (await session.Query<User>().SingleAsync(u => u.Phone == "+77088888888")).PasswordHash.Should().StartWith("pbkdf2-sha256$");
        (await Api.Client().PostAsJsonAsync("/api/v1/auth/login", new { phone = "87012223344", password = LegacyWorld.DirectorPassword }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the florist was inactive in the legacy system");
        var staff = Api.Client(director);

        // The admin SPA's list and the customer's tracking link, as before.
        var orders = await (await staff.GetAsync("/api/v1/orders/?skip=0&limit=20")).Json();
        orders.EnumerateArray().Select(o => o.GetProperty("orderNumber").GetString()).Should().BeEquivalentTo(["#00041", "#00042", "#00043"]);
        var tracking = await (await Api.Client().GetAsync($"/api/v1/orders/by-tracking/{LegacyWorld.StorefrontTracking}/status")).Json();
        (tracking.GetProperty("order_number").GetString(), tracking.GetProperty("status").GetString()).Should().Be(("#00041", "delivered"));

        // The storefront's order: its history, then the state the history did not reach, at the row's last update.
        var storefront = await OrderByNumberAsync(staff, "#00041");
        (storefront.GetProperty("status").GetString(), storefront.GetProperty("is_paid").GetBoolean(), storefront.GetProperty("customer_phone").GetString())
            .Should().Be(("delivered", true, "+77015211545"));
        var detail = await (await staff.GetAsync($"/api/v1/orders/{storefront.GetProperty("id").GetGuid()}")).Json();
        (detail.GetProperty("delivery_notes").GetString(), detail.GetProperty("date_to_be_agreed").GetBoolean()).Should().Be(("Завтра, 12:00-14:00", true));
        detail.GetProperty("photos")[0].GetProperty("client_feedback").GetString().Should().Be("like");
        var timeline = await (await staff.GetAsync($"/api/v1/orders/{storefront.GetProperty("id").GetGuid()}/timeline")).Json();
        var events = timeline.EnumerateArray().Select(e => (Type: e.GetProperty("type").GetString(), At: e.GetProperty("timestamp").GetString(), Source: e.GetProperty("source").GetString())).ToList();
        events[0].Should().Be(("order_placed", "2024-04-01T11:00:00", "legacy-import"), "placed at the legacy created_at (06:00 UTC), shown in Almaty time");
        events.Select(e => e.Type).Should().ContainInOrder("order_placed", "kaspi_payment_created", "kaspi_payment_status_reported", "order_paid", "order_accepted",
            "order_photo_added", "photo_feedback_given", "order_state_taken_over");
        events[^1].At.Should().Be("2024-04-02T16:30:00");
        events.Should().OnlyContain(e => e.Source == "legacy-import");

        // The admin SPA's order: the recipient as first written, its change, the florist, the UTC date in the shop's time; "as of" works.
        var admin = await OrderByNumberAsync(staff, "#00042");
        (admin.GetProperty("recipient_name").GetString(), admin.GetProperty("responsible_name").GetString(), admin.GetProperty("delivery_day").GetString(),
            admin.GetProperty("scheduled_time").GetString()).Should().Be(("Дана", "Айдана", "2024-04-05", "13:00"));
        var before = await (await staff.GetAsync($"/api/v1/orders/{admin.GetProperty("id").GetGuid()}?as_of=2024-04-03T10:00:30Z")).Json();
        (before.GetProperty("status").GetString(), before.GetProperty("recipient_name").GetString()).Should().Be(("new", "Даня"));
        var cancelled = await OrderByNumberAsync(staff, "#00043");
        (cancelled.GetProperty("status").GetString(), cancelled.GetProperty("cancel_reason").GetString()).Should().Be(("cancelled", "клиент передумал"));

        // Clients: two rows of one phone are one card with its order; the opt-out stays; a customer without a row has a card.
        var aigul = await (await staff.GetAsync("/api/v1/clients/?search=7015211545")).Json();
        aigul.GetArrayLength().Should().Be(1);
        (aigul[0].GetProperty("name").GetString(), aigul[0].GetProperty("notes").GetString(), aigul[0].GetProperty("orders_count").GetInt32(),
            aigul[0].GetProperty("telegram_user_id").GetString()).Should().Be(("Айгуль", "Любит белые розы", 1, "5550001"));
        (await (await staff.GetAsync("/api/v1/clients/?search=7019998877")).Json())[0].GetProperty("personalisation_allowed").GetBoolean().Should().BeFalse();
        (await (await staff.GetAsync("/api/v1/clients/?search=7051234567")).Json()).GetArrayLength().Should().Be(1);

        // Stock as the ledger left it, the open reservation held, the product with its id, photos and recipe.
        var items = await (await staff.GetAsync("/api/v1/warehouse/")).Json();
        (items[0].GetProperty("quantity").GetInt32(), items[0].GetProperty("reserved").GetInt32(), items[0].GetProperty("retail_price").GetInt64()).Should().Be((37, 15, 65000L));
        var product = await (await staff.GetAsync("/api/v1/products/668826")).Json();
        (product.GetProperty("images").GetArrayLength(), product.GetProperty("composition").GetArrayLength()).Should().Be((2, 1));
        (await staff.GetAsync("/api/v1/products/668827")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.Client().GetAsync("/api/v1/products/668827")).StatusCode.Should().Be(HttpStatusCode.NotFound, "disabled in the legacy system");

        // Content, and numbering that continues after the highest imported number.
        (await (await Api.Client().GetAsync("/api/v1/faqs?shop_id=17008")).Json()).GetArrayLength().Should().Be(1);
        (await Api.Client().GetAsync("/api/v1/pages/delivery?shop_id=17008")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await Api.Client().GetAsync("/api/v1/reviews/company?shop_id=17008")).Json()).GetProperty("total").GetInt32().Should().Be(1);
        var placed = await staff.PostJson("/api/v1/orders", new { customerName = "Новый", phone = "+77017778899", items = new[] { new { product_id = 668826, quantity = 1 } }, delivery_type = "pickup" });
        placed.StatusCode.Should().Be(HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        (await placed.Json()).GetProperty("order_number").GetString().Should().Be("#00044");

        // Again: nothing new.
        var again = (await ImportAsync(legacy)).Shops.Single();
        again.Tables.Values.Sum(t => t.Imported + t.Updated).Should().Be(0, string.Join("; ", again.Tables.Select(t => $"{t.Key} +{t.Value.Imported} ~{t.Value.Updated}")));
        again.Mismatches.Should().BeEmpty();
    }

    [Fact]
    public async Task a_run_on_the_evening_of_the_switch_brings_in_exactly_what_changed_after_what_was_imported()
    {
        var legacy = await LegacyWorld.CreateAsync(Api.Database);
        await ImportAsync(legacy);
        await legacy.ExecAsync("""
            insert into "order" (id, shop_id, tracking_id, "orderNumber", "customerName", phone, subtotal, delivery_cost, total, status, delivery_type, payment_method, created_at, updated_at)
              values (5, 17008, '222333444', '#00044', 'Вечерний', '+77017770000', 1782000, 0, 1782000, 'NEW', 'pickup', 'cash', '2024-04-20 15:00:00', '2024-04-20 15:00:00');
            insert into orderitem (order_id, product_id, product_name, product_price, quantity, item_total) values (5, 668826, 'Букет из 15 роз', 1782000, 1, 1782000);
            insert into orderhistory (order_id, changed_by, field_name, old_value, new_value, changed_at) values
              (2, 'admin', 'recipient_name', 'Дана', 'Дана Б.', '2024-04-20 15:10:00+00');
            update "order" set status = 'IN_DELIVERY', updated_at = '2024-04-20 15:20:00', recipient_name = 'Дана Б.' where id = 2;
            update product set price = 1900000, updated_at = '2024-04-20 15:30:00' where id = 668826;
            """);

        var delta = (await ImportAsync(legacy)).Shops.Single();
        (delta.Tables["order"].Imported, delta.Tables["order"].Updated, delta.Tables["product"].Updated).Should().Be((1, 1, 1));
        delta.Mismatches.Should().BeEmpty();

        var staff = Api.Client(await DirectorAsync());
        var order = await OrderByNumberAsync(staff, "#00042");
        (order.GetProperty("status").GetString(), order.GetProperty("recipient_name").GetString()).Should().Be(("in_delivery", "Дана Б."));
        var timeline = (await (await staff.GetAsync($"/api/v1/orders/{order.GetProperty("id").GetGuid()}/timeline")).Json()).EnumerateArray().ToList();
        timeline.TakeLast(2).Select(e => (e.GetProperty("type").GetString(), e.GetProperty("timestamp").GetString()))
            .Should().Equal(("recipient_changed", "2024-04-20T20:10:00"), ("order_state_taken_over", "2024-04-20T20:20:00"));
        (await OrderByNumberAsync(staff, "#00044")).GetProperty("customer_name").GetString().Should().Be("Вечерний");
        (await (await staff.GetAsync("/api/v1/products/668826")).Json()).GetProperty("price").GetInt64().Should().Be(1_900_000);
    }

    [Fact]
    public async Task a_run_killed_half_way_leaves_no_half_imported_order_and_the_next_run_finishes_the_job()
    {
        var legacy = await LegacyWorld.CreateAsync(Api.Database);
        var killed = async () => await ImportAsync(legacy, batchSize: 1, progress: p =>
        {
            if (p.Table == "order" && p.Done == 1) throw new OperationCanceledException("killed");
        });
        await killed.Should().ThrowAsync<OperationCanceledException>();

        var staff = Api.Client(await DirectorAsync());
        var half = await (await staff.GetAsync("/api/v1/orders?limit=100")).Json();
        half.GetArrayLength().Should().Be(1, "the first batch (one order, whole) was committed; the rest not at all");
        half[0].GetProperty("items").GetArrayLength().Should().Be(1);

        var finished = (await ImportAsync(legacy)).Shops.Single();
        (finished.Tables["order"].Imported, finished.Tables["order"].Unchanged).Should().Be((2, 1));
        finished.Mismatches.Should().BeEmpty();
        (await (await staff.GetAsync("/api/v1/orders?limit=100")).Json()).GetArrayLength().Should().Be(3);
    }

    [Fact]
    public async Task the_command_stops_before_writing_on_a_wrong_database_and_reports_a_dry_run_then_imports()
    {
        var legacy = await LegacyWorld.CreateAsync(Api.Database);
        var cvety = await Api.Database.CreateDatabaseAsync("cvety_import");
        var notLegacy = await Api.Database.CreateDatabaseAsync("not_legacy");
        var report = Path.Combine(Path.GetTempPath(), $"legacy-import-{Guid.NewGuid():N}.json");

        var wrongSchema = await RunCommandAsync(cvety, "--from", notLegacy);
        (wrongSchema.Code, wrongSchema.Output).Should().Match<(int Code, string Output)>(r => r.Code == 1 && r.Output.Contains("table \"order\" is missing"));
        var wrongPassword = await RunCommandAsync(cvety, "--from", new Npgsql.NpgsqlConnectionStringBuilder(legacy.ConnectionString) { Password = "wrong" }.ConnectionString);
        (wrongPassword.Code, wrongPassword.Output).Should().Match<(int Code, string Output)>(r => r.Code == 1 && r.Output.Contains("cannot read the legacy database"));

        var dry = await RunCommandAsync(cvety, "--from", legacy.ConnectionString, "--dry-run", "--report", report);
        dry.Code.Should().Be(0, dry.Output);
        dry.Output.Should().Contain("dry run").And.Contain("order");
        await using (var check = new Npgsql.NpgsqlConnection(cvety))
        {
            await check.OpenAsync();
            await using var count = new Npgsql.NpgsqlCommand("select count(*) from cvety.mt_events", check);
            (await count.ExecuteScalarAsync()).Should().Be(0L, "a dry run writes nothing");
        }

        var run = await RunCommandAsync(cvety, "--from", legacy.ConnectionString, "--report", report);
        run.Code.Should().Be(0, run.Output);
        run.Output.Should().Contain("totals match");
        var written = JsonDocument.Parse(await File.ReadAllTextAsync(report)).RootElement;
        written.GetProperty("shops")[0].GetProperty("tables").GetProperty("order").GetProperty("imported").GetInt32().Should().Be(3);
        File.Delete(report);
    }

    private static async Task<(int Code, string Output)> RunCommandAsync(string cvety, params string[] arguments)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("Cvety__", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["ConnectionStrings__Marten"] = cvety;
        psi.Environment["Cvety__Jwt__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cvety.Api.dll"));
        psi.ArgumentList.Add("import-legacy");
        foreach (var argument in arguments) psi.ArgumentList.Add(argument);
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
