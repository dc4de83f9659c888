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

    /// <summary>
    /// A <c>null</c> inside a list (<c>tags: [null]</c>, <c>items: [null]</c>, <c>zones: [null]</c>) reached five use
    /// cases as a null reference. Every array of every JSON body the OpenAPI document describes, at any depth, gets a
    /// null element: the answer is a 422 that names the field.
    /// </summary>
    [Fact]
    public async Task a_null_in_any_array_of_any_body_is_a_422_naming_the_field()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var document = await (await Api.Client().GetAsync("/openapi/v1.json")).Json();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var failures = new List<string>();
        var probed = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            if (!operation.Value.TryGetProperty("requestBody", out var requestBody)
                || !requestBody.GetProperty("content").TryGetProperty("application/json", out var json)
                || !json.TryGetProperty("schema", out var schema)) continue;
            if (path.Name == "/api/v1/auth/logout") continue;
            var url = Fill(path.Name, operation.Value);
            foreach (var (field, body) in ArraysOf(schema, schemas, "", 0))
            {
                probed.Add($"{operation.Name.ToUpperInvariant()} {path.Name} {field}");
                var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                var response = await Api.Client(world.Manager).SendAsync(request);
                var answer = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode != 422 || !answer.Contains($"\"{field}[0]\"", StringComparison.Ordinal))
                    failures.Add($"{operation.Name.ToUpperInvariant()} {url} {body}: {(int)response.StatusCode} {Truncate(answer)}");
            }
        }
        // The five the probe found among them.
        probed.Should().Contain(new[] { "POST /api/v1/clients tags", "POST /api/v1/inventory items", "POST /api/v1/products/{id}/recipe/batch items",
            "PUT /api/v1/shop/delivery zones", "PUT /api/v1/shop/working-hours week" }, "these are the five the probe found; probed: {0}", string.Join("; ", probed));
        failures.Should().BeEmpty();
    }

    /// <summary>For each array in the schema (following $ref, into objects and arrays of objects): its path and a body holding a null element there.</summary>
    private static IEnumerable<(string Field, string Body)> ArraysOf(JsonElement schema, JsonElement schemas, string prefix, int depth)
    {
        if (depth > 4) yield break;
        schema = Resolve(schema, schemas);
        if (!schema.TryGetProperty("properties", out var properties)) yield break;
        foreach (var property in properties.EnumerateObject())
        {
            var name = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            var value = Resolve(property.Value, schemas);
            if (IsType(value, "array"))
            {
                yield return (name, Nest(name, "[null]"));
                if (value.TryGetProperty("items", out var items))
                    foreach (var (inner, _) in ArraysOf(items, schemas, name + "[0]", depth + 1))
                        yield return (inner, Nest(inner, "[null]"));
            }
            else if (IsType(value, "object"))
                foreach (var nested in ArraysOf(value, schemas, name, depth + 1)) yield return nested;
        }
    }

    /// <summary>The JSON for a value at a path like <c>zones[0].slots</c>.</summary>
    private static string Nest(string path, string value)
    {
        var result = value;
        var parts = path.Split('.');
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            var part = parts[i];
            var indexed = part.EndsWith("[0]", StringComparison.Ordinal);
            var key = indexed ? part[..^3] : part;
            result = "{" + JsonSerializer.Serialize(key) + ":" + (indexed ? "[" + result + "]" : result) + "}";
        }
        return result;
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        for (var i = 0; i < 10; i++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
                schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
            else if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
                schema = oneOf.EnumerateArray().FirstOrDefault(s => !IsType(Resolve(s, schemas), "null"), oneOf[0]);
            else break;
        }
        return schema;
    }

    private static bool IsType(JsonElement schema, string type) =>
        schema.TryGetProperty("type", out var t) && (t.ValueKind == JsonValueKind.String ? t.GetString() == type : t.EnumerateArray().Any(x => x.GetString() == type));

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
