using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Ui;

/// <summary>
/// A person at the staff screens of the in-process host, without a browser: keeps the session cookie, reads pages with
/// AngleSharp and posts their forms as a browser would (antiforgery token included, since it is in the form).
/// </summary>
public sealed class ScreenClient
{
    private static readonly Uri Base = new("http://localhost/");
    private readonly HttpClient _client;
    private readonly CookieContainer _cookies = new();

    private ScreenClient(CvetyApi api) => _client = api.Client();

    public static async Task<ScreenClient> SignInAsync(CvetyApi api, string phone, string password)
    {
        var screen = new ScreenClient(api);
        var login = await screen.GetAsync("/admin/login");
        var (status, location, _) = await screen.SubmitAsync(login.Document, "form", new() { ["phone"] = phone, ["password"] = password });
        status.Should().Be(HttpStatusCode.Redirect, "the sign-in succeeds");
        location.Should().NotContain("login");
        return screen;
    }

    /// <summary>The cookies this person's browser holds, as a Cookie header (to replay them from elsewhere).</summary>
    public string Cookies => _cookies.GetCookieHeader(new Uri(Base, "/admin/"));

    public static ScreenClient WithCookies(CvetyApi api, string header)
    {
        var screen = new ScreenClient(api);
        foreach (var cookie in header.Split("; ", StringSplitOptions.RemoveEmptyEntries)) screen._cookies.SetCookies(new Uri(Base, "/admin/"), cookie);
        return screen;
    }

    public sealed record Page(HttpStatusCode Status, IDocument Document, string Html, string? Location);

    public async Task<Page> GetAsync(string url)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url));
        var html = await response.Content.ReadAsStringAsync();
        var document = await BrowsingContext.New().OpenAsync(r => r.Content(html).Address(new Uri(Base, url)));
        return new Page(response.StatusCode, document, html, response.Headers.Location?.ToString());
    }

    /// <summary>Posts the form found by <paramref name="selector"/> with its own fields, overridden by <paramref name="fields"/>; the button picks the handler.</summary>
    public async Task<(HttpStatusCode Status, string Location, string Body)> SubmitAsync(IDocument page, string selector, Dictionary<string, string> fields, string? button = null)
    {
        var form = page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form '{selector}' on {page.Url}.");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name is { Length: > 0 } && i.Type != "submit" && i.Type != "file"))
            if ((input.Type != "checkbox" && input.Type != "radio") || input.IsChecked) values.Add(new(input.Name!, input.Value));
        foreach (var select in form.Elements.OfType<IHtmlSelectElement>().Where(s => s.Name is { Length: > 0 }))
            values.Add(new(select.Name!, select.Value ?? ""));
        foreach (var area in form.Elements.OfType<IHtmlTextAreaElement>().Where(t => t.Name is { Length: > 0 }))
            values.Add(new(area.Name!, area.Value));
        values.RemoveAll(v => fields.ContainsKey(v.Key));
        values.AddRange(fields);
        var action = button is not null && page.QuerySelector(button) is IHtmlButtonElement b && b.GetAttribute("formaction") is { } formAction
            ? formAction
            : form.GetAttribute("action") is { Length: > 0 } a ? a : page.Url;
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(page.Url), action)) { Content = new FormUrlEncodedContent(values) });
        return (response.StatusCode, response.Headers.Location?.ToString() ?? "", await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        var uri = request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(Base, request.RequestUri);
        request.RequestUri = uri;
        var cookie = _cookies.GetCookieHeader(uri);
        if (cookie.Length > 0) request.Headers.Add("Cookie", cookie);
        var response = await _client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var c in set) _cookies.SetCookies(uri, c);
        return response;
    }
}
