using System.Net;
using System.Net.Http.Json;
using AngleSharp;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Ui;

/// <summary>
/// What each screen shows and allows per role, read from the rendered HTML (AngleSharp) of the in-process host on the
/// real database: the same use cases, tenancy and roles as the API.
/// </summary>
public sealed class when_each_role_opens_the_screens(CvetyApi api) : ApiTest(api)
{
    private async Task<(ShopWorld World, Guid Order)> WorldWithOrderAsync()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var placed = await Api.Client(world.Manager).PostJson("/api/v1/orders", world.NewOrder());
        placed.StatusCode.Should().Be(HttpStatusCode.Created);
        return (world, (await placed.Json()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task a_florist_sees_the_board_and_her_moves_but_no_money_no_new_order_and_no_operations()
    {
        var (_, order) = await WorldWithOrderAsync();
        var florist = await ScreenClient.SignInAsync(Api, "+77010000103", "password-FLORIST");

        var board = await florist.GetAsync("/admin");
        board.Status.Should().Be(HttpStatusCode.OK);
        board.Document.QuerySelectorAll("[data-status=new] .card").Should().HaveCount(1);
        board.Document.QuerySelector(".menu")!.TextContent.Should().NotContain("Новый заказ").And.NotContain("Операции").And.Contain("Склад");

        var page = await florist.GetAsync($"/admin/orders/{order}");
        page.Document.QuerySelector("form[data-refund]").Should().BeNull("a florist does not refund");
        page.Document.Body!.TextContent.Should().Contain("Анара", "the recipient").And.Contain("34\u202F320\u00A0₸");
        page.Document.QuerySelectorAll("button[data-assign]").Select(b => b.GetAttribute("data-assign")).Should().Equal(["self"], "a florist takes an order for herself, she does not assign others");

        var (taken, location, _) = await florist.SubmitAsync(page.Document, "form:has(button[data-assign=self])", []);
        taken.Should().Be(HttpStatusCode.Redirect);
        var mine = await florist.GetAsync(location);
        mine.Document.QuerySelector(".message")!.TextContent.Should().Be("Флорист назначен.");
        mine.Document.Body!.TextContent.Should().Contain("FLORIST 03 · курьер");
        (await florist.GetAsync("/admin?mine=true")).Document.QuerySelectorAll(".card").Should().HaveCount(1, "the order is hers now");

        foreach (var screen in new[] { "/admin/operations", "/admin/orders/new", "/admin/shops" })
        {
            var denied = await florist.GetAsync(screen);
            denied.Status.Should().Be(HttpStatusCode.Redirect, screen);
            var forbidden = await florist.GetAsync(denied.Location!);
            forbidden.Status.Should().Be(HttpStatusCode.Forbidden);
            forbidden.Document.QuerySelector("h1")!.TextContent.Should().Be("Недоступно для вашей роли");
        }
    }

    [Fact]
    public async Task a_stale_page_is_told_the_order_changed_and_shown_its_new_state()
    {
        var (world, order) = await WorldWithOrderAsync();
        var manager = await ScreenClient.SignInAsync(Api, "+77010000102", "password-MANAGER");
        var stale = await manager.GetAsync($"/admin/orders/{order}");

        // Someone else accepts it meanwhile, through the API.
        (await Api.Client(world.Director).SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/orders/{order}/status") { Content = System.Net.Http.Json.JsonContent.Create(new { status = "accepted" }) }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var (status, location, _) = await manager.SubmitAsync(stale.Document, "form:has(button[data-move=accepted])", []);
        status.Should().Be(HttpStatusCode.Redirect);
        var fresh = await manager.GetAsync(location);
        fresh.Document.QuerySelector(".message")!.TextContent.Should().Contain("уже изменилась");
        fresh.Document.QuerySelector(".status")!.TextContent.Should().Be("Принят");
        fresh.Document.QuerySelectorAll("li[data-type=order_accepted]").Should().HaveCount(1, "the stale move changed nothing");
    }

    [Fact]
    public async Task a_manager_takes_an_order_on_the_new_order_screen_with_totals_before_placing()
    {
        var (world, _) = await WorldWithOrderAsync();
        var manager = await ScreenClient.SignInAsync(Api, "+77010000102", "password-MANAGER");
        var form = await manager.GetAsync("/admin/orders/new?q=Букет");
        form.Document.QuerySelector($"tr[data-product='{world.Bouquet}']")!.TextContent.Should().Contain("7\u202F500\u00A0₸");

        var fields = new Dictionary<string, string>
        {
            [$"Qty[{world.Bouquet}]"] = "2", ["CustomerName"] = "Болат", ["Phone"] = "+77010000055", ["RecipientName"] = "Жанна",
            ["Address"] = "ул. Кенесары, 40", ["PaymentMethod"] = "cash",
        };
        var (status, _, body) = await manager.SubmitAsync(form.Document, "form.neworder", fields, "button[formaction*=Preview]:not([name])");
        status.Should().Be(HttpStatusCode.OK);
        var preview = await BrowsingContext.New().OpenAsync(r => r.Content(body));
        preview.QuerySelector("[data-total]")!.TextContent.Should().Be("16\u202F500\u00A0₸", "two bouquets and the shop's 1 500 ₸ delivery");

        (status, var location, _) = await manager.SubmitAsync(form.Document, "form.neworder", fields, "button[data-place]");
        status.Should().Be(HttpStatusCode.Redirect);
        var placed = await manager.GetAsync(location);
        placed.Html.Should().Contain("Болат").And.Contain("Жанна");
        placed.Document.QuerySelector(".message")!.TextContent.Should().Contain("оформлен");
        placed.Document.QuerySelector("li[data-type=order_placed]")!.TextContent.Should().Contain("MANAGER 02 (менеджер)");

        // Then the recipient changes her mind about the address: the edit is an event with the old and the new value.
        (status, _, _) = await manager.SubmitAsync(placed.Document, "form[data-edit-order]", new() { ["deliveryAddress"] = "ул. Кенесары, 42" });
        status.Should().Be(HttpStatusCode.Redirect);
        var edited = await manager.GetAsync(location);
        edited.Document.QuerySelector(".message")!.TextContent.Should().Be("Заказ изменён.");
        edited.Document.QuerySelector(".timeline")!.TextContent.Should().Contain("ул. Кенесары, 40 → ул. Кенесары, 42");
    }

    [Fact]
    public async Task a_manager_changes_the_lines_the_payment_and_the_delivery_cost_on_the_order_page_and_a_florist_cannot()
    {
        var (world, order) = await WorldWithOrderAsync();
        var manager = await ScreenClient.SignInAsync(Api, "+77010000102", "password-MANAGER");
        var page = await manager.GetAsync($"/admin/orders/{order}");

        var (status, location, _) = await manager.SubmitAsync(page.Document, $"form:has(button[data-remove-line='{world.Roses}'])", []);
        status.Should().Be(HttpStatusCode.Redirect);
        page = await manager.GetAsync(location);
        page.Document.QuerySelector(".message")!.TextContent.Should().Be("Позиция убрана.");
        page.Document.QuerySelector(".lines .sum")!.TextContent.Should().Contain("16\u202F500\u00A0₸");

        await manager.SubmitAsync(page.Document, "form[data-add-line]", new() { ["productId"] = world.Roses.ToString(), ["quantity"] = "2", ["specialRequests"] = "белые" });
        page = await manager.GetAsync(location);
        page.Document.QuerySelector(".message")!.TextContent.Should().Be("Позиция добавлена.");
        page.Document.QuerySelector($"tr[data-line='{world.Roses}']")!.TextContent.Should().Contain("× 2").And.Contain("белые");
        page.Document.QuerySelector(".lines .sum")!.TextContent.Should().Contain("52\u202F140\u00A0₸");

        await manager.SubmitAsync(page.Document, "form[data-edit-order]", new() { ["paymentMethod"] = "kaspi", ["deliveryCost"] = "2000", ["deliveryCostReason"] = "За город" });
        page = await manager.GetAsync(location);
        page.Document.QuerySelector(".message")!.TextContent.Should().Be("Заказ изменён.");
        page.Document.QuerySelector(".lines .sum")!.TextContent.Should().Contain("52\u202F640\u00A0₸");
        page.Document.QuerySelector("li[data-type=delivery_cost_changed]")!.TextContent.Should().Contain("За город").And.Contain("MANAGER 02 (менеджер)");
        page.Document.QuerySelectorAll("li[data-type=payment_method_changed]").Should().HaveCount(1);
        page.Document.QuerySelectorAll("li[data-type=order_line_removed], li[data-type=order_line_added]").Should().HaveCount(2);
        page.Document.QuerySelectorAll("li[data-type=customer_changed]").Should().BeEmpty("an unchanged customer is no event");

        var client = await manager.GetAsync(page.Document.QuerySelector("a[data-client-link]")!.GetAttribute("href")!);
        client.Document.QuerySelector($"[data-orders] a[href='/admin/orders/{order}']").Should().NotBeNull("the customer's card lists this order");

        var florist = await ScreenClient.SignInAsync(Api, "+77010000103", "password-FLORIST");
        var hers = await florist.GetAsync($"/admin/orders/{order}");
        hers.Document.QuerySelector("form[data-add-line]").Should().BeNull();
        hers.Document.QuerySelector("button[data-remove-line]").Should().BeNull();
        hers.Document.QuerySelector("form[data-edit-order]").Should().BeNull();
    }

    [Fact]
    public async Task a_manager_takes_a_product_off_sale_with_a_reason_and_its_history_says_so()
    {
        var (world, _) = await WorldWithOrderAsync();
        var manager = await ScreenClient.SignInAsync(Api, "+77010000102", "password-MANAGER");
        var catalog = await manager.GetAsync("/admin/catalog");
        var (status, _, _) = await manager.SubmitAsync(catalog.Document, $"tr[data-product='{world.Roses}'] form", new() { ["reason"] = "Закончились розы" });
        status.Should().Be(HttpStatusCode.Redirect);

        var after = await manager.GetAsync("/admin/catalog");
        after.Document.QuerySelector($"tr[data-product='{world.Roses}']")!.TextContent.Should().Contain("снят");
        after.Document.QuerySelector(".message")!.TextContent.Should().Be("Товар снят с продажи.");
        var product = await manager.GetAsync($"/admin/catalog/{world.Roses}");
        product.Document.QuerySelectorAll(".timeline li").Length.Should().BeGreaterThanOrEqualTo(2, "created, then taken off sale");

        // Two photos added (through the API here: the screen's upload is a file input); the second is made the main one
        // on the screen, then the first is removed there.
        foreach (var seed in new[] { 1, 2 })
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Catalog.Bouquets.Photo(seed, 96));
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "file", "p.jpg");
            (await Api.Client(world.Manager).PostAsync($"/api/v1/products/{world.Bouquet}/images", form)).IsSuccessStatusCode.Should().BeTrue();
        }
        var withPhotos = await manager.GetAsync($"/admin/catalog/{world.Bouquet}");
        var photos = withPhotos.Document.QuerySelectorAll(".photos img").Select(i => i.GetAttribute("src")).ToList();
        photos.Should().HaveCount(2);
        (await manager.SubmitAsync(withPhotos.Document, "form:has(button[data-make-primary])", [])).Status.Should().Be(HttpStatusCode.Redirect);
        var reordered = await manager.GetAsync($"/admin/catalog/{world.Bouquet}");
        reordered.Document.QuerySelector(".message")!.TextContent.Should().Be("Главное фото выбрано.");
        reordered.Document.QuerySelectorAll(".photos img").Select(i => i.GetAttribute("src")).Should().Equal(photos[1], photos[0]);
        (await (await Api.Client(world.Florist).GetAsync($"/api/v1/products/{world.Bouquet}")).Json()).GetProperty("image").GetString().Should().Be(photos[1], "the catalog shows the main photo");
        (await manager.SubmitAsync(reordered.Document, "form:has(button[data-remove-photo])", [])).Status.Should().Be(HttpStatusCode.Redirect);
        var onePhoto = await manager.GetAsync($"/admin/catalog/{world.Bouquet}");
        onePhoto.Document.QuerySelectorAll(".photos img").Select(i => i.GetAttribute("src")).Should().Equal(photos[0]);
        onePhoto.Document.QuerySelector(".message")!.TextContent.Should().Be("Фото убрано.");

        // Through the API as the admin SPA would: the remaining photo is already the main one, a stranger's URL is refused.
        (await Api.Client(world.Manager).PutAsJsonAsync($"/api/v1/products/{world.Bouquet}/images/primary", new { url = photos[0] })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.Client(world.Manager).PutAsJsonAsync($"/api/v1/products/{world.Bouquet}/images/primary", new { url = "https://example.com/x.jpg" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Api.Client(world.Florist).PutAsJsonAsync($"/api/v1/products/{world.Bouquet}/images/primary", new { url = photos[0] })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var florist = await ScreenClient.SignInAsync(Api, "+77010000103", "password-FLORIST");
        (await florist.GetAsync("/admin/catalog")).Document.QuerySelector("button[data-toggle]").Should().BeNull("a florist does not change the catalog");
        (await florist.GetAsync($"/admin/catalog/{world.Bouquet}")).Document.QuerySelector("form[data-edit]").Should().BeNull();
    }

    [Fact]
    public async Task a_director_sees_operations_of_her_shop_and_the_superadmin_picks_a_shop_first()
    {
        await WorldWithOrderAsync();
        var director = await ScreenClient.SignInAsync(Api, "+77010000101", "password-DIRECTOR");
        var operations = await director.GetAsync("/admin/operations");
        operations.Status.Should().Be(HttpStatusCode.OK);
        operations.Document.QuerySelector("[data-dead-letters]")!.TextContent.Should().Be("0");
        operations.Document.QuerySelector("[data-counts]").Should().BeNull("the platform's queues are the superadmin's");

        var admin = await ScreenClient.SignInAsync(Api, CvetyApi.AdminPhone, CvetyApi.AdminPassword);
        var board = await admin.GetAsync("/admin");
        board.Status.Should().Be(HttpStatusCode.Redirect);
        var shops = await admin.GetAsync("/admin/shops");
        var (status, location, _) = await admin.SubmitAsync(shops.Document, "form:has(button[data-shop='17008'])", []);
        status.Should().Be(HttpStatusCode.Redirect);
        (await admin.GetAsync(location)).Document.QuerySelectorAll("[data-status=new] .card").Should().HaveCount(1);
        (await admin.GetAsync("/admin/operations")).Document.QuerySelector("[data-counts]").Should().NotBeNull();
    }

    [Fact]
    public async Task the_warehouse_records_a_delivery_and_a_write_off_with_its_reason()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var created = await Api.Client(world.Manager).PostJson("/api/v1/warehouse/", new { name = "Роза Эквадор", cost_price = 30_000, retail_price = 80_000, quantity = 10, min_quantity = 20 });
        created.IsSuccessStatusCode.Should().BeTrue(await created.Content.ReadAsStringAsync());
        var id = (await created.Json()).GetProperty("id").GetGuid();
        var florist = await ScreenClient.SignInAsync(Api, "+77010000103", "password-FLORIST");
        var low = await florist.GetAsync("/admin/warehouse?low=true");
        low.Document.QuerySelector($"tr[data-item='{id}']")!.TextContent.Should().Contain("мало");

        var item = await florist.GetAsync($"/admin/warehouse?item={id}");
        (await florist.SubmitAsync(item.Document, "form:has(button[data-delivery])", new() { ["quantity"] = "25" })).Status.Should().Be(HttpStatusCode.Redirect);
        (await florist.SubmitAsync(item.Document, "form:has(button[data-writeoff])", new() { ["quantity"] = "3", ["reason"] = "Завяли" })).Status.Should().Be(HttpStatusCode.Redirect);
        var after = await florist.GetAsync($"/admin/warehouse?item={id}");
        after.Document.QuerySelector($"tr[data-item='{id}']")!.TextContent.Should().Contain("32");
        after.Document.QuerySelector(".timeline")!.TextContent.Should().Contain("Поставка").And.Contain("Списание").And.Contain("Завяли");

        // A stock-take: 30 counted where the books say 32, saved as a draft, then applied once.
        var sheet = await florist.GetAsync("/admin/warehouse/stock-take");
        var (drafted, draftLocation, _) = await florist.SubmitAsync(sheet.Document, "form:has(button[data-draft])", new() { [$"counted[{id}]"] = "30", ["notes"] = "Вечерний пересчёт" });
        drafted.Should().Be(HttpStatusCode.Redirect);
        var draft = await florist.GetAsync(draftLocation);
        draft.Document.QuerySelector("[data-stock-take]")!.TextContent.Should().Contain("-2");
        var (applied, appliedLocation, _) = await florist.SubmitAsync(draft.Document, "form:has(button[data-apply])", []);
        applied.Should().Be(HttpStatusCode.Redirect);
        (await florist.GetAsync(appliedLocation)).Document.QuerySelector(".message")!.TextContent.Should().Be("Инвентаризация проведена: изменено позиций 1.");
        (await florist.SubmitAsync(draft.Document, "form:has(button[data-apply])", [])).Status.Should().Be(HttpStatusCode.Redirect, "applying twice is harmless");
        (await florist.GetAsync($"/admin/warehouse?item={id}")).Document.QuerySelector($"tr[data-item='{id}']")!.TextContent.Should().Contain("30");
    }

    [Fact]
    public async Task signing_out_ends_the_session_even_for_a_copied_cookie_and_a_removed_person_loses_access_at_once()
    {
        var (world, _) = await WorldWithOrderAsync();
        var florist = await ScreenClient.SignInAsync(Api, "+77010000103", "password-FLORIST");
        var copy = ScreenClient.WithCookies(Api, florist.Cookies);
        (await copy.GetAsync("/admin")).Status.Should().Be(HttpStatusCode.OK, "the copied cookie works while the session lasts");

        var board = await florist.GetAsync("/admin");
        var (status, location, _) = await florist.SubmitAsync(board.Document, "form[action='/admin/logout']", []);
        status.Should().Be(HttpStatusCode.Redirect);
        location.Should().Contain("/admin/login");
        var replayed = await copy.GetAsync("/admin");
        replayed.Status.Should().Be(HttpStatusCode.Redirect, "the session was ended on the server, not only in this browser");
        replayed.Location.Should().Contain("/admin/login");

        var courier = await ScreenClient.SignInAsync(Api, "+77010000104", "password-COURIER");
        (await courier.GetAsync("/admin")).Status.Should().Be(HttpStatusCode.OK);
        var removed = await Api.Client(world.Director).DeleteAsync($"/api/v1/profile/team/{world.CourierId}");
        removed.IsSuccessStatusCode.Should().BeTrue(await removed.Content.ReadAsStringAsync());
        var after = await courier.GetAsync("/admin");
        after.Status.Should().Be(HttpStatusCode.Redirect, "a removed person's next request is refused");
        after.Location.Should().Contain("/admin/login");
    }
}
