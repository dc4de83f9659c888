using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Cvety.IntegrationTests.Infrastructure;
using AngleSharp;
using Microsoft.Playwright;

namespace Cvety.IntegrationTests.Ui;

/// <summary>
/// The staff screens in headless Chromium (Debian's, driven by Playwright) against the real API as its own process and
/// database: sign in, the board, an order page with its audit panel, a move, a Bitrix change showing up on its own,
/// "as of", roles and tenancy. Screenshots go to the test output (screenshots/), or to $CVETY_SCREENSHOTS.
/// </summary>
public sealed class when_staff_work_from_the_screens(CvetyApi api) : ApiTest(api), IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string WebhookSecret = "wh-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
    private static readonly string AdminPassword = "adm-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    private ApiProcess _api = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var database = await Api.Database.CreateDatabaseAsync("ui");
        _api = ApiProcess.Start(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__Marten"] = database,
            ["Cvety__Bootstrap__AdminPhone"] = CvetyApi.AdminPhone,
            ["Cvety__Bootstrap__AdminPassword"] = AdminPassword,
            ["Cvety__Bitrix__WebhookSecret"] = WebhookSecret,
            ["Cvety__Bitrix__ShopId"] = "17008",
        });
        await _api.WaitHealthyAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Args = ["--no-sandbox"], Headless = true });
    }

    public new async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _api.DisposeAsync();
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string url, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        using var response = await _api.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"{method} {url}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<string> TokenAsync(string phone, string password) =>
        (await SendAsync(HttpMethod.Post, "/api/v1/auth/login", null, new { phone, password })).GetProperty("access_token").GetString()!;

    private async Task<IPage> SignInAsync(string phone, string password, ViewportSize? size = null)
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = _api.BaseUrl, Locale = "ru-RU", TimezoneId = "Asia/Almaty", ViewportSize = size ?? new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.FillAsync("input[name=phone]", phone);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/admin");
        return page;
    }

    /// <summary>
    /// Where a screenshot goes: the test output (screenshots/), so that a test run leaves the checkout as it was;
    /// with CVETY_SCREENSHOTS set to a folder (the README's docs/ui refresh command), there.
    /// </summary>
    private static string Screenshot(string name)
    {
        var folder = Environment.GetEnvironmentVariable("CVETY_SCREENSHOTS") is { Length: > 0 } chosen
            ? chosen
            : Path.Combine(Path.GetDirectoryName(typeof(when_staff_work_from_the_screens).Assembly.Location)!, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    [Fact]
    public async Task a_manager_sees_moves_and_audits_an_order_and_the_board_follows_bitrix_on_its_own()
    {
        var admin = await TokenAsync(CvetyApi.AdminPhone, AdminPassword);
        await SendAsync(HttpMethod.Post, "/api/v1/shops", admin, new { id = 17008, name = "Cvety.kz", city = "Астана", delivery_fee = 150_000 });
        await SendAsync(HttpMethod.Post, "/api/v1/shops", admin, new { id = 8, name = "Development", city = "Астана" });
        await SendAsync(HttpMethod.Post, "/api/v1/shops/17008/users", admin, new { name = "Айжан Менеджер", phone = "+77010000102", password = "password-MANAGER", role = "MANAGER" });
        await SendAsync(HttpMethod.Post, "/api/v1/shops/17008/users", admin, new { name = "Дана Флорист", phone = "+77010000103", password = "password-FLORIST", role = "FLORIST" });
        await SendAsync(HttpMethod.Post, "/api/v1/shops/8/users", admin, new { name = "Чужой директор", phone = "+77010000801", password = "password-DIRECTOR", role = "DIRECTOR" });
        var manager = await TokenAsync("+77010000102", "password-MANAGER");
        var product = (await SendAsync(HttpMethod.Post, "/api/v1/products", manager, new { name = "Букет Стандарт", price = 750_000, type = "flowers" })).GetProperty("id").GetInt32();
        var order = await SendAsync(HttpMethod.Post, "/api/v1/orders", manager, new
        {
            customerName = "Айгуль", phone = "+77010000001", items = new[] { new { product_id = product, quantity = 2 } },
            delivery_type = "delivery", delivery_address = "пр. Достык, 123", delivery_date = "2026-12-02", scheduled_time = "14:00-16:00",
            recipient_name = "Анара", payment_method = "cash",
        });
        var orderId = order.GetProperty("id").GetGuid();
        var number = order.GetProperty("order_number").GetString()!;
        var other = await TokenAsync("+77010000801", "password-DIRECTOR");
        var otherProduct = (await SendAsync(HttpMethod.Post, "/api/v1/products", other, new { name = "Чужой букет", price = 100_000, type = "flowers" })).GetProperty("id").GetInt32();
        var otherOrder = (await SendAsync(HttpMethod.Post, "/api/v1/orders", other, new
        {
            customerName = "Болат", phone = "+77010000009", items = new[] { new { product_id = otherProduct, quantity = 1 } }, delivery_type = "pickup", payment_method = "cash",
        })).GetProperty("id").GetGuid();

        var page = await SignInAsync("+77010000102", "password-MANAGER");
        await Assertions.Expect(page.Locator($"[data-status=new] [data-order='{number}']")).ToBeVisibleAsync();
        (await page.Locator($"[data-order='{number}']").InnerTextAsync()).Should().Contain("16\u202F500\u00A0₸", "15 000 ₸ and 1 500 ₸ delivery, thin-spaced").And.Contain("Анара");
        await page.ScreenshotAsync(new() { Path = Screenshot("board.png"), FullPage = true });

        await page.ClickAsync($"[data-order='{number}']");
        await page.ClickAsync("button[data-move=accepted]");
        await Assertions.Expect(page.Locator(".status")).ToHaveTextAsync("Принят");
        await Assertions.Expect(page.Locator("li[data-type=order_accepted]")).ToContainTextAsync("Айжан Менеджер (менеджер)");
        (await page.Locator("form[data-refund]").CountAsync()).Should().Be(1, "a MANAGER may refund");
        await page.ScreenshotAsync(new() { Path = Screenshot("order.png"), FullPage = true });
        await page.GotoAsync("/admin/orders/new?q=Букет");
        await page.FillAsync($"input[name='Qty[{product}]']", "1");
        await page.ClickAsync("button[formaction*=Preview]:not([name])");
        await Assertions.Expect(page.Locator("[data-total]")).ToHaveTextAsync("9\u202F000\u00A0₸");
        await page.ScreenshotAsync(new() { Path = Screenshot("new-order.png"), FullPage = true });

        // The customer's card, reached from the clients list, and the shop's settings with their history.
        await page.GotoAsync("/admin/clients");
        await page.ClickAsync("tr[data-client] a");
        await Assertions.Expect(page.Locator("[data-orders] a").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("client.png"), FullPage = true });
        await page.GotoAsync("/admin/settings");
        await Assertions.Expect(page.Locator("form[data-delivery] button")).ToBeEnabledAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("settings.png"), FullPage = true });
        await page.GotoAsync($"/admin/orders/{orderId}");

        // As of version 1 the order was new, and the page says it shows the past.
        await page.ClickAsync("li[data-type=order_placed] a");
        await Assertions.Expect(page.Locator(".past")).ToContainTextAsync("Прошлое состояние");
        await Assertions.Expect(page.Locator(".status")).ToHaveTextAsync("Новый");
        (await page.Locator("button[data-move]").CountAsync()).Should().Be(0, "no moves on a past view");

        // A Bitrix order, then its status from Bitrix, while the board is open: it moves there within five seconds.
        var create = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "bitrix-order-create.json"))).RootElement;
        var body = System.Text.Json.Nodes.JsonNode.Parse(create.GetRawText())!.AsObject();
        body["token"] = WebhookSecret;
        var created = await _api.Client.PostAsJsonAsync("/webhooks/bitrix/order", body);
        created.StatusCode.Should().Be(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        await page.GotoAsync("/admin");
        var bitrixNumber = "#00002";
        await Assertions.Expect(page.Locator($"[data-status=new] [data-order='{bitrixNumber}']")).ToBeVisibleAsync();
        using var status = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/order-status-sync") { Content = JsonContent.Create(new { order_id = 122183, status = "AP", changed_by_id = 15 }) };
        status.Headers.Add("X-Webhook-Secret", WebhookSecret);
        (await _api.Client.SendAsync(status)).StatusCode.Should().Be(HttpStatusCode.OK);
        await Assertions.Expect(page.Locator($"[data-status=accepted] [data-order='{bitrixNumber}']")).ToBeVisibleAsync(new() { Timeout = 5000 });

        // Another shop's order is not found here.
        var response = await page.GotoAsync($"/admin/orders/{otherOrder}");
        response!.Status.Should().Be(404);
        (await page.ContentAsync()).Should().Contain("Не найдено");

        var phone = await SignInAsync("+77010000103", "password-FLORIST", new ViewportSize { Width = 390, Height = 844 });
        await phone.ScreenshotAsync(new() { Path = Screenshot("board-phone.png"), FullPage = true });
        await phone.GotoAsync($"/admin/orders/{orderId}");
        (await phone.Locator("form[data-refund]").CountAsync()).Should().Be(0, "a FLORIST does not refund");
        (await phone.Locator("button[data-move=assembled]").CountAsync()).Should().Be(1, "a florist assembles");
    }

    [Fact]
    public async Task the_screens_need_a_signed_in_session_and_say_what_they_allow()
    {
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_api.BaseUrl) };
        var response = await noRedirects.GetAsync("/admin");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/admin/login");
        var login = await _api.Client.GetAsync("/admin/login");
        login.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'");
        var html = await login.Content.ReadAsStringAsync();
        var document = await BrowsingContext.New().OpenAsync(r => r.Content(html));
        document.QuerySelector("input[name=__RequestVerificationToken]").Should().NotBeNull("every form carries the antiforgery token");
        document.QuerySelector("html")!.GetAttribute("lang").Should().Be("ru");
    }
}
