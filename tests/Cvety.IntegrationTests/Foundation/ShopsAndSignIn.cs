using System.Net;
using System.Text;
using System.Text.Json;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Foundation;

public sealed class when_the_superadmin_sets_up_shops_and_a_director(CvetyApi api) : ApiTest(api)
{
    private async Task<(string admin, string director)> SetUpAsync()
    {
        var admin = await Api.AdminTokenAsync();
        var client = Api.Client(admin);
        (await client.PostJson("/api/v1/shops", new { id = 8, name = "Development", city = "Астана" })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await client.PostJson("/api/v1/shops", new { id = 17008, name = "Cvety.kz", city = "Астана", phone = "8 (701) 000-00-00" })).StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await client.PostJson("/api/v1/shops/17008/users", new { name = "Айгерим", phone = "8 701 111 22 33", password = "director-pass-1", role = "DIRECTOR" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var director = await Api.LoginAsync("+77011112233", "director-pass-1");
        return (admin, director);
    }

    [Fact]
    public async Task the_director_signs_in_to_shop_17008()
    {
        await SetUpAsync();
        var response = await Api.Client().PostJson("/api/v1/auth/login", new { phone = "87011112233", password = "director-pass-1" });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Json();
        body.GetProperty("token_type").GetString().Should().Be("bearer");
        body.GetProperty("user").GetProperty("shop_id").GetInt32().Should().Be(17008);
        body.GetProperty("user").GetProperty("role").GetString().Should().Be("DIRECTOR");
        body.GetProperty("user").GetProperty("phone").GetString().Should().Be("+77011112233");
        body.GetProperty("user").TryGetProperty("password_hash", out _).Should().BeFalse();

        var claims = Payload(body.GetProperty("access_token").GetString()!);
        claims.GetProperty("shop_id").GetInt32().Should().Be(17008);
        claims.GetProperty("role").GetString().Should().Be("DIRECTOR");
        claims.GetProperty("phone").GetString().Should().Be("+77011112233");
        claims.GetProperty("sub").GetString().Should().Be(body.GetProperty("user").GetProperty("id").GetString());
        claims.TryGetProperty("exp", out _).Should().BeTrue();
    }

    [Fact]
    public async Task me_answers_the_signed_in_user()
    {
        var (_, director) = await SetUpAsync();
        var me = await Api.Client(director).GetAsync("/api/v1/auth/me");
        me.StatusCode.Should().Be(HttpStatusCode.OK);
        (await me.Json()).GetProperty("name").GetString().Should().Be("Айгерим");
    }

    [Fact]
    public async Task the_director_cannot_touch_shop_8()
    {
        var (_, director) = await SetUpAsync();
        var client = Api.Client(director);
        (await client.PostJson("/api/v1/shops/8/users", new { name = "X", phone = "+77015550000", password = "florist-pass-1", role = "FLORIST" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        // Every shop's card is public (issue 22); what only the superadmin sees of a shop is not.
        (await client.GetAsync("/api/v1/superadmin/shops/8")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/v1/profile/team?shop_id=8")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostJson("/api/v1/shops", new { name = "Mine", city = "Алматы" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task the_director_adds_staff_to_their_own_shop_but_a_manager_cannot()
    {
        var (_, director) = await SetUpAsync();
        (await Api.Client(director).PostJson("/api/v1/shops/17008/users", new { name = "Менеджер", phone = "+77015550001", password = "manager-pass-1", role = "manager" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var manager = await Api.LoginAsync("+77015550001", "manager-pass-1");
        (await Api.Client(manager).PostJson("/api/v1/shops/17008/users", new { name = "Флорист", phone = "+77015550002", password = "florist-pass-1", role = "FLORIST" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_wrong_password_is_401_and_no_token_is_401()
    {
        await SetUpAsync();
        var wrong = await Api.Client().PostJson("/api/v1/auth/login", new { phone = "+77011112233", password = "not-the-password" });
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await wrong.Json()).GetProperty("detail").GetString().Should().Be("Incorrect phone number or password");

        (await Api.Client().PostJson("/api/v1/auth/login", new { phone = "+77019999999", password = "whatever-1" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Api.Client().GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Api.Client().GetAsync("/api/v1/profile/team")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Api.Client("not.a.jwt").GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task repeated_failed_sign_ins_are_rate_limited()
    {
        await SetUpAsync();
        var client = Api.Client();
        for (var i = 0; i < 5; i++)
            (await client.PostJson("/api/v1/auth/login", new { phone = "+77011112233", password = "guess-" + i })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var blocked = await client.PostJson("/api/v1/auth/login", new { phone = "+77011112233", password = "director-pass-1" });
        blocked.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        blocked.Headers.RetryAfter.Should().NotBeNull();
    }

    [Fact]
    public async Task taken_phones_and_shop_ids_are_conflicts()
    {
        var (admin, _) = await SetUpAsync();
        var client = Api.Client(admin);
        (await client.PostJson("/api/v1/shops", new { id = 8, name = "Again", city = "Астана" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await client.PostJson("/api/v1/shops/8/users", new { name = "Dup", phone = "+7 (701) 111-22-33", password = "another-pass", role = "COURIER" }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task a_shop_without_an_id_gets_the_next_free_one()
    {
        var (admin, _) = await SetUpAsync();
        var created = await Api.Client(admin).PostJson("/api/v1/shops", new { name = "Алматы", city = "Алматы" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        (await created.Json()).GetProperty("id").GetInt32().Should().Be(17009);
    }

    [Fact]
    public async Task users_cannot_be_added_to_a_missing_shop()
    {
        var (admin, _) = await SetUpAsync();
        (await Api.Client(admin).PostJson("/api/v1/shops/999/users", new { name = "X", phone = "+77015550003", password = "courier-pass", role = "COURIER" }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static JsonElement Payload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part))).RootElement;
    }
}
