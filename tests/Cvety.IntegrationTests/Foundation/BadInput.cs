using System.Net;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Foundation;

public sealed class when_a_sender_sends_bad_input(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task malformed_json_is_a_400_problem()
    {
        var response = await Api.Client().PostRaw("/api/v1/auth/login", "{\"phone\": ");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var body = await response.Json();
        body.GetProperty("status").GetInt32().Should().Be(400);
    }

    [Fact]
    public async Task a_wrongly_typed_field_is_named()
    {
        var admin = await Api.AdminTokenAsync();
        var response = await Api.Client(admin).PostRaw("/api/v1/shops", "{\"id\": \"eight\", \"name\": \"x\", \"city\": \"y\"}");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Json()).GetProperty("errors").TryGetProperty("id", out _).Should().BeTrue();
    }

    [Fact]
    public async Task failed_validation_is_a_422_naming_every_field()
    {
        var admin = await Api.AdminTokenAsync();
        var client = Api.Client(admin);
        (await client.PostJson("/api/v1/shops", new { id = 8, name = "Dev", city = "Астана" })).EnsureSuccessStatusCode();
        var response = await client.PostJson("/api/v1/shops/8/users", new { name = "", phone = "12345", password = "short", role = "KING" });
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var errors = (await response.Json()).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["name", "phone", "password", "role"]);
    }

    [Fact]
    public async Task a_superadmin_role_cannot_be_handed_out()
    {
        var admin = await Api.AdminTokenAsync();
        var client = Api.Client(admin);
        (await client.PostJson("/api/v1/shops", new { id = 8, name = "Dev", city = "Астана" })).EnsureSuccessStatusCode();
        (await client.PostJson("/api/v1/shops/8/users", new { name = "Boss", phone = "+77015550009", password = "long-enough", role = "SUPERADMIN" }))
            .StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task an_empty_body_is_a_4xx_not_a_500()
    {
        var response = await Api.Client().PostAsync("/api/v1/auth/login", new StringContent("", System.Text.Encoding.UTF8, "application/json"));
        ((int)response.StatusCode).Should().BeInRange(400, 499);
        var nullBody = await Api.Client().PostRaw("/api/v1/auth/login", "null");
        ((int)nullBody.StatusCode).Should().BeInRange(400, 499);
        var missing = await Api.Client().PostRaw("/api/v1/auth/login", "{}");
        missing.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }
}
