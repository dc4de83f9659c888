using System.Net;
using System.Text.Json;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Ui;

/// <summary>
/// The clients and shop-settings screens, read from the rendered HTML of the in-process host on the real database:
/// each change is an event that names who made it, shown on the screen's history and through the API.
/// </summary>
public sealed class when_staff_keep_clients_and_settings_on_the_screens(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task a_manager_finds_a_client_by_phone_edits_the_card_and_its_history_names_her()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var order = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        var manager = await ScreenClient.SignInAsync(Api, "+77010000102", "password-MANAGER");

        var list = await manager.GetAsync("/admin/clients?q=7010000001");
        list.Status.Should().Be(HttpStatusCode.OK);
        var row = list.Document.QuerySelectorAll("tr[data-client]").Should().ContainSingle("the order's customer has a card").Subject;
        row.TextContent.Should().Contain("+77010000001").And.Contain("34\u202F320\u00A0₸");
        var id = row.GetAttribute("data-client")!;

        var card = await manager.GetAsync($"/admin/clients/{id}");
        card.Document.QuerySelector($"[data-orders] a[href='/admin/orders/{order}']").Should().NotBeNull("the card lists the client's orders");
        card.Document.QuerySelector("[data-stats]")!.TextContent.Should().Contain("1 (доставлено 0, отменено 0)");

        var (saved, location, _) = await manager.SubmitAsync(card.Document, "form[data-edit]",
            new() { ["name"] = "Айгуль Сериковна", ["tags"] = "VIP, аллергия на лилии", ["otherPhones"] = "+77020000009" });
        saved.Should().Be(HttpStatusCode.Redirect);
        var edited = await manager.GetAsync(location);
        edited.Document.QuerySelector(".message")!.TextContent.Should().Be("Клиент сохранён.");
        edited.Document.QuerySelector("h1")!.TextContent.Should().Contain("Айгуль Сериковна");
        await manager.SubmitAsync(edited.Document, "form[data-notes]", new() { ["notes"] = "Звонить после 10:00" });

        var history = await manager.GetAsync($"/admin/clients/{id}");
        var changes = history.Document.QuerySelectorAll(".timeline li").Select(li => li.TextContent).ToList();
        changes.Should().HaveCount(2, "the details and the notes, newest first; the order itself is on its own timeline");
        changes[0].Should().Contain("Заметки: Звонить после 10:00").And.Contain("MANAGER 02 (менеджер)");
        changes[1].Should().Contain("метки: VIP, аллергия на лилии").And.Contain("другие телефоны: +77020000009");

        var api = await (await Api.Client(world.Director).GetAsync($"/api/v1/clients/{id}/history")).Json();
        api.EnumerateArray().Select(e => (e.GetProperty("event").GetString(), e.GetProperty("role").GetString(), e.GetProperty("source").GetString()))
            .Should().Equal(("client_details_changed", "MANAGER", "admin"), ("client_notes_changed", "MANAGER", "admin"));

        // Another shop's director does not see this client, on the screen or through the API.
        (await Api.Client(world.OtherShopDirector).GetAsync($"/api/v1/clients/{id}/history")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var other = await ScreenClient.SignInAsync(Api, "+77010000801", "password-DIRECTOR");
        (await other.GetAsync($"/admin/clients/{id}")).Status.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync("/admin/clients?q=7010000001")).Document.QuerySelectorAll("tr[data-client]").Should().BeEmpty();
    }

    [Fact]
    public async Task a_client_added_on_the_screen_opens_its_card_and_a_known_phone_is_refused()
    {
        await ShopWorld.CreateAsync(Api);
        var manager = await ScreenClient.SignInAsync(Api, "+77010000102", "password-MANAGER");
        var list = await manager.GetAsync("/admin/clients");

        var (status, location, _) = await manager.SubmitAsync(list.Document, "form[data-new-client]", new() { ["phone"] = "8 707 555 44 33", ["name"] = "Дана" });
        status.Should().Be(HttpStatusCode.Redirect);
        location.Should().StartWith("/admin/clients/");
        var card = await manager.GetAsync(location);
        card.Document.QuerySelector("h1")!.TextContent.Should().Contain("Дана").And.Contain("+77075554433");
        card.Document.QuerySelector("li[data-type=client_registered]")!.TextContent.Should().Contain("MANAGER 02 (менеджер)");

        var (again, back, _) = await manager.SubmitAsync(list.Document, "form[data-new-client]", new() { ["phone"] = "+7 707 555 44 33" });
        again.Should().Be(HttpStatusCode.Redirect);
        var refused = (await manager.GetAsync(back)).Document.QuerySelector(".message")!;
        refused.FirstChild!.TextContent.Trim().Should().Be("Не сохранено: это противоречит уже записанному.", "staff read why in Russian");
        refused.QuerySelector(".detail")!.TextContent.Should().Contain("already has a client", "the use case's own words are kept beside it");
        (await manager.GetAsync("/admin/clients?q=5554433")).Document.QuerySelectorAll("tr[data-client]").Should().HaveCount(1, "nothing was doubled");

        // A florist sees no erasure form; the manager erases the card's personal data with a reason.
        var florist = await ScreenClient.SignInAsync(Api, "+77010000103", "password-FLORIST");
        (await florist.GetAsync(location)).Document.QuerySelector("form[data-erase]").Should().BeNull();
        var (erased, _, _) = await manager.SubmitAsync(card.Document, "form[data-erase]", new() { ["reason"] = "просьба по телефону" });
        erased.Should().Be(HttpStatusCode.Redirect);
        var forgotten = await manager.GetAsync(location);
        forgotten.Document.QuerySelector(".message")!.TextContent.Trim().Should().Be("Личные данные клиента удалены.");
        forgotten.Document.QuerySelector("h1")!.TextContent.Should().Contain("Без имени").And.NotContain("Дана");
        forgotten.Document.QuerySelector("[data-erased]").Should().NotBeNull();
        forgotten.Document.QuerySelector("li[data-type=client_data_erased]")!.TextContent.Should().Contain("Личные данные удалены: просьба по телефону").And.Contain("MANAGER 02 (менеджер)");
    }

    [Fact]
    public async Task a_director_sets_hours_and_delivery_that_customers_then_read_and_a_florist_only_reads_them()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var director = await ScreenClient.SignInAsync(Api, "+77010000101", "password-DIRECTOR");
        var page = await director.GetAsync("/admin/settings");
        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelector(".audit")!.TextContent.Should().Contain("ещё не меняли");

        var (hours, location, _) = await director.SubmitAsync(page.Document, "form[data-hours]", new()
        {
            ["week[0].Opens"] = "10:00", ["week[0].Closes"] = "20:00",
            ["week[6].Closed"] = "true",
            ["exceptions[0].Date"] = "2026-12-16", ["exceptions[0].Closed"] = "true", ["exceptions[0].Note"] = "День независимости",
        });
        hours.Should().Be(HttpStatusCode.Redirect);
        var afterHours = await director.GetAsync(location);
        afterHours.Document.QuerySelector(".message")!.TextContent.Should().Be("Часы работы сохранены.");

        // Closing before opening is refused, in Russian, naming the field; the hours stay as they were.
        var (invalid, again, _) = await director.SubmitAsync(afterHours.Document, "form[data-hours]", new() { ["week[1].Opens"] = "20:00", ["week[1].Closes"] = "10:00" });
        invalid.Should().Be(HttpStatusCode.Redirect);
        var refusedHours = await director.GetAsync(again);
        refusedHours.Document.QuerySelector(".message")!.FirstChild!.TextContent.Trim().Should().Be("Проверьте: время закрытия.");
        refusedHours.Document.QuerySelectorAll(".audit li").Should().HaveCount(1, "nothing was recorded");
        (await director.GetAsync("/admin/settings")).Document.QuerySelector(".message").Should().BeNull("the message is shown once");

        var (delivery, _, _) = await director.SubmitAsync(afterHours.Document, "form[data-delivery]", new()
        {
            ["zones[0].Name"] = "Центр", ["zones[0].Price"] = "1500", ["zones[0].FreeFrom"] = "20000",
            ["zones[1].Name"] = "Пригород", ["zones[1].Price"] = "3000",
            ["sameDayCutoff"] = "14:00",
        });
        delivery.Should().Be(HttpStatusCode.Redirect);

        var settings = await (await Api.Client().GetAsync("/api/v1/shop/settings/public?shop_id=17008")).Json();
        var week = settings.GetProperty("working_hours").GetProperty("week").EnumerateArray().ToList();
        week[0].GetProperty("opens").GetString().Should().Be("10:00");
        week[6].GetProperty("closed").GetBoolean().Should().BeTrue();
        settings.GetProperty("working_hours").GetProperty("exceptions")[0].GetProperty("note").GetString().Should().Be("День независимости");
        var zones = settings.GetProperty("delivery").GetProperty("zones").EnumerateArray()
            .Select(z => (z.GetProperty("name").GetString(), z.GetProperty("price").GetInt64(), z.GetProperty("free_from").ValueKind == JsonValueKind.Null ? (long?)null : z.GetProperty("free_from").GetInt64()));
        zones.Should().Equal(("Центр", 150_000L, 2_000_000L), ("Пригород", 300_000L, null));
        settings.GetProperty("delivery").GetProperty("same_day_cutoff").GetString().Should().Be("14:00");

        var shown = await director.GetAsync("/admin/settings");
        var changes = shown.Document.QuerySelectorAll(".audit li").Select(li => li.TextContent).ToList();
        changes.Should().HaveCount(2);
        changes[0].Should().Contain("Доставка: Центр 1\u202F500\u00A0₸ (бесплатно от 20\u202F000\u00A0₸), Пригород 3\u202F000\u00A0₸").And.Contain("DIRECTOR 01 (директор)");
        changes[1].Should().Contain("Пн 10:00–20:00").And.Contain("Вс выходной").And.Contain("16.12 закрыто");
        shown.Document.QuerySelector("[data-zone='2'] input")!.GetAttribute("value").Should().BeNullOrEmpty("a blank row adds a zone");

        var history = await (await Api.Client(world.Manager).GetAsync("/api/v1/shop/settings/history")).Json();
        history.EnumerateArray().Select(e => e.GetProperty("event").GetString()).Should().Equal("delivery_settings_set", "working_hours_set");

        var florist = await ScreenClient.SignInAsync(Api, "+77010000103", "password-FLORIST");
        var read = await florist.GetAsync("/admin/settings");
        read.Document.QuerySelectorAll("fieldset").Should().OnlyContain(f => f.HasAttribute("disabled"), "a florist reads the settings");
        read.Document.QuerySelector("[data-zone='0'] input")!.GetAttribute("value").Should().Be("Центр");
        var (forged, back, _) = await florist.SubmitAsync(read.Document, "form[data-delivery]", new() { ["zones[0].Price"] = "1" });
        forged.Should().Be(HttpStatusCode.Redirect);
        (await florist.GetAsync(back)).Document.QuerySelector(".message")!.TextContent.Should().Be("Недоступно для вашей роли.");
        (await director.GetAsync("/admin/settings")).Document.QuerySelectorAll(".audit li").Should().HaveCount(2, "the florist's post changed nothing");
    }
}
