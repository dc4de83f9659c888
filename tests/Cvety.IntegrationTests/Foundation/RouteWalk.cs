using System.Net;
using System.Text;
using System.Text.Json;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Foundation;

/// <summary>
/// Every route of the OpenAPI document, as an anonymous caller and as staff, with the hostile inputs the probe used.
/// Where the contract is known the answer is exact: a NUL anywhere is 422, a lone surrogate or a key given twice is
/// 400, whatever the route. Anything else a sender can send is at least never a 5xx.
/// </summary>
public sealed class when_a_hostile_probe_walks_every_route(CvetyApi api) : ApiTest(api)
{
    private static readonly (string Kind, string Body, int? Exactly)[] Bodies =
    [
        ("nul", """{"name":"a\u0000","text":"a\u0000","reason":"a\u0000","status":"accepted","items":[{"product_id":1,"quantity":1}]}""", 422),
        ("lone surrogate", """{"name":"\ud800","text":"x","reason":"x"}""", 400),
        ("duplicate keys", """{"name":"a","name":"b"}""", 400),
        ("array", "[]", null),
        ("null", "null", null),
        ("truncated", """{"name":""", null),
        ("wrong types", """{"items":"x","price":"cheap","id":"x","order_id":{},"status":[1],"enabled":"maybe","delivery_date":"someday"}""", null),
        ("deep", new string('[', 200) + new string(']', 200), null),
    ];

    [Fact]
    public async Task no_route_answers_5xx_and_known_contracts_answer_exactly()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var document = await (await Api.Client().GetAsync("/openapi/v1.json")).Json();
        var failures = new List<string>();
        var sent = 0;

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            var method = new HttpMethod(operation.Name.ToUpperInvariant());
            var url = Fill(path.Name, operation.Value);
            foreach (var (who, token) in new[] { ("anonymous", (string?)null), ("manager", world.Manager) })
            {
                // Signing out would end the manager's session for every route after it; anonymous callers still walk it.
                if (token is not null && path.Name == "/api/v1/auth/logout") continue;
                var client = Api.Client(token);
                async Task Check(string kind, HttpRequestMessage request, int? exactly)
                {
                    sent++;
                    var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    if (status >= 500 || (exactly is { } expected && status != expected))
                        failures.Add($"{method} {request.RequestUri} as {who}, {kind}: {status} {Truncate(await response.Content.ReadAsStringAsync())}");
                }

                var separator = url.Contains('?') ? '&' : '?';
                await Check("nul in the query", new HttpRequestMessage(method, $"{url}{separator}search=%00&q=a%00b&type=%00"), 422);
                if (method == HttpMethod.Get || method == HttpMethod.Delete) continue;
                foreach (var (kind, body, exactly) in Bodies)
                    await Check(kind, new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") }, exactly);
            }
        }

        sent.Should().BeGreaterThan(300);
        failures.Should().BeEmpty();
        // And the pool is still sound afterwards.
        (await Api.Client(world.Manager).GetAsync("/api/v1/orders?search=роза")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>Path parameters with values of their declared type; ids that exist nowhere, so nothing is changed.</summary>
    private static string Fill(string template, JsonElement operation)
    {
        var url = template;
        if (operation.TryGetProperty("parameters", out var parameters))
            foreach (var p in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path"))
            {
                var name = p.GetProperty("name").GetString()!;
                var schema = p.TryGetProperty("schema", out var s) ? s : default;
                var type = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t) ? t.ToString() : "string";
                var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
                var value = type.Contains("integer") ? "999999" : format == "uuid" ? "00000000-0000-0000-0000-000000000001" : "123456789";
                url = url.Replace("{" + name + "}", value);
            }
        return url;
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200];
}
