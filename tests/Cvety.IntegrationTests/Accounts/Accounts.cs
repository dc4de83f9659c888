using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using Cvety.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Cvety.IntegrationTests.Accounts;

public sealed class when_staff_manage_their_sessions(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task refresh_answers_a_new_token_that_works()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var refreshed = await Api.Client(world.Manager).PostAsync("/api/v1/auth/refresh", null);
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        var token = (await refreshed.Json()).GetProperty("access_token").GetString()!;
        token.Should().NotBe(world.Manager);
        (await Api.Client(token).GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task after_logout_the_token_answers_401_and_other_sessions_go_on()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var second = await Api.LoginAsync("+77010000102", "password-MANAGER");

        (await Api.Client(world.Manager).PostAsync("/api/v1/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await Api.Client(world.Manager).GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Api.Client(world.Manager).GetAsync("/api/v1/orders")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Api.Client(second).GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task verify_token_answers_valid_and_the_user()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var answer = await Api.Client(world.Florist).GetAsync("/api/v1/auth/verify-token");
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await answer.Json();
        body.GetProperty("valid").GetBoolean().Should().BeTrue();
        body.GetProperty("user").GetProperty("role").GetString().Should().Be("FLORIST");
        (await Api.Client("not-a-token").GetAsync("/api/v1/auth/verify-token")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task changing_the_password_ends_every_other_session()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var other = await Api.LoginAsync("+77010000103", "password-FLORIST");

        var changed = await Api.Client(world.Florist).PutAsJsonAsync("/api/v1/auth/change-password", new { old_password = "password-FLORIST", new_password = "a-new-florist-pass" });
        changed.StatusCode.Should().Be(HttpStatusCode.OK);

        (await Api.Client(other).GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Api.Client(world.Florist).GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.Client().PostJson("/api/v1/auth/login", new { phone = "+77010000103", password = "password-FLORIST" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await Api.LoginAsync("+77010000103", "a-new-florist-pass");
    }

    [Fact]
    public async Task a_wrong_old_password_changes_nothing()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var changed = await Api.Client(world.Florist).PutAsJsonAsync("/api/v1/auth/change-password", new { old_password = "guess-guess", new_password = "a-new-florist-pass" });
        changed.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await changed.Content.ReadAsStringAsync()).Should().Contain("old_password");
        await Api.LoginAsync("+77010000103", "password-FLORIST");
    }

    [Fact]
    public async Task auth_users_lists_my_shops_active_staff_only()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var users = await (await Api.Client(world.Manager).GetAsync("/api/v1/auth/users")).Json();
        users.EnumerateArray().Select(u => u.GetProperty("shop_id").GetInt32()).Should().OnlyContain(s => s == 17008).And.HaveCount(4);
        users.EnumerateArray().Should().OnlyContain(u => u.EnumerateObject().All(p => p.Name != "password_hash"));
    }
}

public sealed class when_a_second_api_instance_shares_the_database(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task a_logout_on_one_instance_is_honoured_by_the_other()
    {
        await ShopWorld.CreateAsync(Api);
        await using var second = ApiProcess.Start(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__Marten"] = Api.Database.ConnectionString,
            ["Cvety__Jwt__SigningKey"] = Environment.GetEnvironmentVariable("Cvety__Jwt__SigningKey"),
        });
        await second.WaitHealthyAsync();

        var token = await Api.LoginAsync("+77010000102", "password-MANAGER");
        var there = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me") { Headers = { Authorization = new("Bearer", token) } };
        (await second.Client.SendAsync(there)).StatusCode.Should().Be(HttpStatusCode.OK);

        var logout = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout") { Headers = { Authorization = new("Bearer", token) } };
        (await second.Client.SendAsync(logout)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await Api.Client(token).GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}

public sealed class when_someone_registers(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task a_new_phone_opens_the_next_shop_and_signs_in_as_its_director()
    {
        await ShopWorld.CreateAsync(Api);
        var registered = await Api.Client().PostJson("/api/v1/auth/register",
            new { name = "Сауле", phone = "8 705 111 00 01", password = "saule-pass-1", shop_name = "Цветы Сауле", city = "Алматы" });
        registered.StatusCode.Should().Be(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var body = await registered.Json();
        body.GetProperty("user").GetProperty("role").GetString().Should().Be("DIRECTOR");
        body.GetProperty("user").GetProperty("shop_id").GetInt32().Should().Be(17009, "17008 is the highest shop id so far");

        var token = await Api.LoginAsync("+77051110001", "saule-pass-1");
        var shop = await (await Api.Client().GetAsync("/api/v1/shops/17009")).Json();
        shop.GetProperty("name").GetString().Should().Be("Цветы Сауле");
        (await Api.Client(token).GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_phone_that_has_an_account_is_refused()
    {
        await ShopWorld.CreateAsync(Api);
        var body = new { name = "Сауле", phone = "+77051110001", password = "saule-pass-1", shop_name = "Цветы Сауле" };
        (await Api.Client().PostJson("/api/v1/auth/register", body)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await Api.Client().PostJson("/api/v1/auth/register", body with { shop_name = "Ещё один" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Api.Client().PostJson("/api/v1/auth/register", body with { phone = "+77010000101" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await (await Api.Client(await Api.AdminTokenAsync()).GetAsync("/api/v1/superadmin/shops")).Json()).GetArrayLength().Should().Be(3);
    }
}

public sealed class when_a_team_is_managed(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task an_invited_phone_that_signs_up_joins_the_team_with_its_role()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var invited = await Api.Client(world.Manager).PostJson("/api/v1/profile/team/invite", new { phone = "8 707 222 00 01", role = "FLORIST", name = "Дана" });
        invited.StatusCode.Should().Be(HttpStatusCode.Created);
        (await (await Api.Client(world.Director).GetAsync("/api/v1/profile/team/invitations")).Json()).GetArrayLength().Should().Be(1);

        var signedUp = await Api.Client().PostJson("/api/v1/auth/register", new { name = "Дана", phone = "+77072220001", password = "dana-pass-1" });
        signedUp.StatusCode.Should().Be(HttpStatusCode.Created);
        var user = (await signedUp.Json()).GetProperty("user");
        user.GetProperty("shop_id").GetInt32().Should().Be(17008);
        user.GetProperty("role").GetString().Should().Be("FLORIST");

        (await (await Api.Client(world.Director).GetAsync("/api/v1/profile/team/invitations")).Json()).GetArrayLength().Should().Be(0);
        (await (await Api.Client(world.Director).GetAsync("/api/v1/profile/team")).Json()).EnumerateArray()
            .Select(u => u.GetProperty("name").GetString()).Should().Contain("Дана");
    }

    [Fact]
    public async Task a_cancelled_invitation_is_not_accepted()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var invitation = await (await Api.Client(world.Director).PostJson("/api/v1/profile/team/invite", new { phone = "+77072220002", role = "COURIER" })).Json();
        (await Api.Client(world.Director).DeleteAsync($"/api/v1/profile/team/invitations/{invitation.GetProperty("id").GetGuid()}")).StatusCode.Should().Be(HttpStatusCode.OK);

        var signedUp = await Api.Client().PostJson("/api/v1/auth/register", new { name = "Курьер", phone = "+77072220002", password = "courier-pass-1" });
        signedUp.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "without an invitation, signing up opens a shop and needs its name");
    }

    [Fact]
    public async Task nobody_gives_a_role_above_their_own()
    {
        var world = await ShopWorld.CreateAsync(Api);
        (await Api.Client(world.Manager).PostJson("/api/v1/profile/team/invite", new { phone = "+77072220003", role = "DIRECTOR" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Api.Client(world.Manager).PutAsync($"/api/v1/profile/team/{world.FloristId}/role?new_role=DIRECTOR", null))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Api.Client(world.Florist).PutAsync($"/api/v1/profile/team/{world.CourierId}/role?new_role=FLORIST", null))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var promoted = await Api.Client(world.Manager).PutAsync($"/api/v1/profile/team/{world.CourierId}/role?new_role=FLORIST", null);
        promoted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await promoted.Json()).GetProperty("role").GetString().Should().Be("FLORIST");
        (await Api.Client(world.Courier).GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a token says the old role");
    }

    [Fact]
    public async Task the_last_director_keeps_the_role_and_the_account()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var me = await (await Api.Client(world.Director).GetAsync("/api/v1/profile/")).Json();
        var id = me.GetProperty("id").GetGuid();
        (await Api.Client(world.Director).PutAsync($"/api/v1/profile/team/{id}/role?new_role=MANAGER", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Api.Client(world.Director).DeleteAsync($"/api/v1/profile/team/{id}")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Api.Client(world.Director).GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_removed_member_loses_their_tokens_and_history_keeps_the_name()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var order = await world.PlaceAsync(Api);
        var orderId = order.GetProperty("id").GetGuid();
        (await Api.Client(world.Manager).Patch($"/api/v1/orders/{orderId}/assign-courier", new { user_id = world.CourierId })).EnsureSuccessStatusCode();

        var removed = await Api.Client(world.Director).DeleteAsync($"/api/v1/profile/team/{world.CourierId}?reason=уволен");
        removed.StatusCode.Should().Be(HttpStatusCode.OK);

        (await Api.Client(world.Courier).GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Api.Client().PostJson("/api/v1/auth/login", new { phone = "+77010000104", password = "password-COURIER" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var again = await (await Api.Client(world.Manager).GetAsync($"/api/v1/orders/{orderId}")).Json();
        again.GetProperty("courier_name").GetString().Should().Be("COURIER 04");
        (await (await Api.Client(world.Director).GetAsync("/api/v1/profile/team")).Json()).GetArrayLength().Should().Be(3);
    }

    [Fact]
    public async Task a_removed_member_invited_again_signs_in_to_rejoin()
    {
        var world = await ShopWorld.CreateAsync(Api);
        (await Api.Client(world.Director).DeleteAsync($"/api/v1/profile/team/{world.CourierId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.Client(world.Director).PostJson("/api/v1/profile/team/invite", new { phone = "+77010000104", role = "COURIER" })).StatusCode.Should().Be(HttpStatusCode.Created);

        var token = await Api.LoginAsync("+77010000104", "password-COURIER");
        (await (await Api.Client(token).GetAsync("/api/v1/auth/me")).Json()).GetProperty("is_active").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task a_member_edits_their_profile_and_a_new_phone_needs_the_password()
    {
        var world = await ShopWorld.CreateAsync(Api);
        (await Api.Client(world.Florist).PutAsJsonAsync("/api/v1/profile/", new { name = "Флорист Айжан", email = "aizhan@cvety.kz" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.Client(world.Florist).PutAsJsonAsync("/api/v1/profile/", new { phone = "+77079990000" })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var changed = await Api.Client(world.Florist).PutAsJsonAsync("/api/v1/profile/", new { phone = "+77079990000", password = "password-FLORIST" });
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await changed.Json();
        (body.GetProperty("name").GetString(), body.GetProperty("email").GetString(), body.GetProperty("phone").GetString())
            .Should().Be(("Флорист Айжан", "aizhan@cvety.kz", "+77079990000"));
        await Api.LoginAsync("+77079990000", "password-FLORIST");
    }

    [Fact]
    public async Task team_stats_count_this_months_orders_per_person()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var order = await world.PlaceAsync(Api);
        (await Api.Client(world.Manager).Patch($"/api/v1/orders/{order.GetProperty("id").GetGuid()}/assign-courier", new { user_id = world.CourierId })).EnsureSuccessStatusCode();

        var stats = await (await Api.Client(world.Director).GetAsync("/api/v1/profile/stats")).Json();
        stats.GetProperty("team_size").GetInt32().Should().Be(4);
        stats.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("user_id").GetGuid() == world.CourierId)
            .GetProperty("orders_delivering").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task no_team_route_reads_or_changes_another_shop()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var other = world.OtherShopDirector;
        (await Api.Client(other).PutAsync($"/api/v1/profile/team/{world.FloristId}/role?new_role=COURIER", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Api.Client(other).DeleteAsync($"/api/v1/profile/team/{world.FloristId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await Api.Client(other).GetAsync("/api/v1/profile/team?shop_id=17008")).Json()).EnumerateArray()
            .Should().OnlyContain(u => u.GetProperty("shop_id").GetInt32() == 8);
        (await (await Api.Client(other).GetAsync("/api/v1/auth/users?shop_id=17008")).Json()).EnumerateArray()
            .Should().OnlyContain(u => u.GetProperty("shop_id").GetInt32() == 8);
        var invitation = await (await Api.Client(world.Director).PostJson("/api/v1/profile/team/invite", new { phone = "+77072220009", role = "FLORIST" })).Json();
        (await Api.Client(other).DeleteAsync($"/api/v1/profile/team/invitations/{invitation.GetProperty("id").GetGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await Api.Client(other).GetAsync("/api/v1/profile/team/invitations")).Json()).GetArrayLength().Should().Be(0);
        (await (await Api.Client(world.Florist).GetAsync("/api/v1/auth/me")).Json()).GetProperty("role").GetString().Should().Be("FLORIST");
    }

    [Fact]
    public async Task every_change_to_an_account_is_an_event_that_says_who()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var director = (await (await Api.Client(world.Director).GetAsync("/api/v1/auth/me")).Json()).GetProperty("id").GetGuid();
        (await Api.Client(world.Director).PutAsync($"/api/v1/profile/team/{world.CourierId}/role?new_role=FLORIST", null)).EnsureSuccessStatusCode();

        await using var session = Api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(world.CourierId);
        events.Select(e => e.Data.GetType().Name).Should().Equal(nameof(UserRegistered), nameof(UserRoleChanged));
        var changed = (UserRoleChanged)events[1].Data;
        (changed.OldRole, changed.NewRole, changed.By.Actor, changed.By.Role).Should().Be((UserRole.Courier, UserRole.Florist, director.ToString(), "DIRECTOR"));
        events[1].Headers.Should().ContainKey("source");
    }
}

public sealed class when_the_platform_is_administered(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task a_blocked_shop_loses_its_staff_and_its_catalog_but_keeps_its_orders()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var order = await world.PlaceAsync(Api);
        var orderId = order.GetProperty("id").GetGuid();

        var blocked = await Api.Client(world.Admin).PutAsJsonAsync("/api/v1/superadmin/shops/17008/block", new { reason = "не оплачен тариф" });
        blocked.StatusCode.Should().Be(HttpStatusCode.OK);
        (await blocked.Json()).GetProperty("is_active").GetBoolean().Should().BeFalse();

        (await Api.Client(world.Manager).GetAsync("/api/v1/orders")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Api.Client().PostJson("/api/v1/auth/login", new { phone = "+77010000102", password = "password-MANAGER" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var catalog = await Api.Client().GetAsync("/api/v1/products?shop_id=17008");
        catalog.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await catalog.Content.ReadAsStringAsync()).Should().Contain("Shop unavailable");
        (await Api.Client().PostJson("/api/v1/orders/public/create?shop_id=17008", world.NewOrder())).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Api.Client().GetAsync("/api/v1/shops/17008")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await Api.Client().GetAsync("/api/v1/shops/")).Json()).EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).Should().Equal(8);

        (await Api.Client(world.Admin).GetAsync($"/api/v1/superadmin/orders/{orderId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.Client(world.Admin).GetAsync($"/api/v1/orders/{orderId}/history?shop_id=17008")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await Api.Client(world.Admin).PutAsync("/api/v1/superadmin/shops/17008/unblock", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await Api.LoginAsync("+77010000102", "password-MANAGER");
        (await Api.Client().GetAsync("/api/v1/products?shop_id=17008")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_blocked_user_is_out_until_unblocked_and_a_reset_password_signs_in()
    {
        var world = await ShopWorld.CreateAsync(Api);
        (await Api.Client(world.Admin).PutAsync($"/api/v1/superadmin/users/{world.FloristId}/block", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.Client(world.Florist).GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Api.Client().PostJson("/api/v1/auth/login", new { phone = "+77010000103", password = "password-FLORIST" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        (await Api.Client(world.Admin).PutAsync($"/api/v1/superadmin/users/{world.FloristId}/unblock", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var token = await Api.LoginAsync("+77010000103", "password-FLORIST");

        (await Api.Client(world.Admin).PostJson($"/api/v1/superadmin/users/{world.FloristId}/reset-password", new { new_password = "reset-by-admin-1" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.Client(token).GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await Api.LoginAsync("+77010000103", "reset-by-admin-1");
    }

    [Fact]
    public async Task the_superadmin_lists_orders_products_and_users_across_shops()
    {
        var world = await ShopWorld.CreateAsync(Api);
        await world.PlaceAsync(Api);
        await world.PlaceAsync(Api, world.OtherShopDirector, world.NewOrder(items: [new { product_id = world.OtherShopProduct, quantity = 1 }]));
        var admin = Api.Client(world.Admin);

        (await (await admin.GetAsync("/api/v1/superadmin/orders")).Json()).EnumerateArray().Select(o => o.GetProperty("shop_id").GetInt32())
            .Should().BeEquivalentTo([8, 17008]);
        (await (await admin.GetAsync("/api/v1/superadmin/orders?shop_id=8")).Json()).EnumerateArray().Select(o => o.GetProperty("shop_id").GetInt32())
            .Should().Equal(8);
        (await (await admin.GetAsync("/api/v1/superadmin/products")).Json()).GetArrayLength().Should().Be(3);
        (await (await admin.GetAsync("/api/v1/superadmin/users?shop_id=8")).Json()).GetArrayLength().Should().Be(1);
        var shop = await (await admin.GetAsync("/api/v1/superadmin/shops/17008")).Json();
        shop.GetProperty("users").GetArrayLength().Should().Be(4);

        var stats = await (await admin.GetAsync("/api/v1/superadmin/stats?period=all")).Json();
        (stats.GetProperty("shops_total").GetInt32(), stats.GetProperty("orders_total").GetInt32()).Should().Be((2, 2));
        stats.GetProperty("by_status").GetProperty("new").GetProperty("orders").GetInt32().Should().Be(2);
        stats.GetProperty("revenue").GetInt64().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task the_superadmin_moves_and_cancels_orders_under_the_staff_rules_recorded_as_superadmin()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var orderId = (await world.PlaceAsync(Api)).GetProperty("id").GetGuid();
        var admin = Api.Client(world.Admin);

        (await admin.PutAsJsonAsync($"/api/v1/superadmin/orders/{orderId}/status", new { status = "delivered" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await admin.PutAsJsonAsync($"/api/v1/superadmin/orders/{orderId}/status", new { status = "accepted" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var cancelled = await admin.PutAsJsonAsync($"/api/v1/superadmin/orders/{orderId}/cancel", new { reason = "дубль" });
        cancelled.StatusCode.Should().Be(HttpStatusCode.OK);
        (await cancelled.Json()).GetProperty("status").GetString().Should().Be("cancelled");

        var timeline = await (await admin.GetAsync($"/api/v1/orders/{orderId}/timeline?shop_id=17008")).Content.ReadAsStringAsync();
        timeline.Should().Contain("SUPERADMIN");
        (await admin.PutAsJsonAsync($"/api/v1/superadmin/orders/{Guid.NewGuid()}/status", new { status = "accepted" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string> SuperadminRoutes => new()
    {
        { "GET", "/api/v1/superadmin/shops" }, { "GET", "/api/v1/superadmin/shops/8" }, { "PUT", "/api/v1/superadmin/shops/8/block" },
        { "PUT", "/api/v1/superadmin/shops/8/unblock" }, { "GET", "/api/v1/superadmin/users" },
        { "PUT", $"/api/v1/superadmin/users/{Guid.Empty}/block" }, { "PUT", $"/api/v1/superadmin/users/{Guid.Empty}/unblock" },
        { "POST", $"/api/v1/superadmin/users/{Guid.Empty}/reset-password" }, { "GET", "/api/v1/superadmin/products" },
        { "GET", "/api/v1/superadmin/orders" }, { "GET", $"/api/v1/superadmin/orders/{Guid.Empty}" },
        { "PUT", $"/api/v1/superadmin/orders/{Guid.Empty}/status" }, { "PUT", $"/api/v1/superadmin/orders/{Guid.Empty}/cancel" },
        { "GET", "/api/v1/superadmin/stats" },
    };

    [Theory]
    [MemberData(nameof(SuperadminRoutes))]
    public async Task a_director_gets_403_on_every_superadmin_route(string method, string url)
    {
        var world = await ShopWorld.CreateAsync(Api);
        var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "GET" ? null : JsonContent.Create(new { }) };
        request.Headers.Authorization = new("Bearer", world.Director);
        (await Api.Client().SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task the_marketplace_lists_shops_and_their_products_without_a_token()
    {
        var world = await ShopWorld.CreateAsync(Api);
        var shops = await (await Api.Client().GetAsync("/api/v1/shops/")).Json();
        shops.EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).Should().Equal(8, 17008);
        var card = await (await Api.Client().GetAsync("/api/v1/shops/17008")).Json();
        (card.GetProperty("name").GetString(), card.GetProperty("city").GetString()).Should().Be(("Cvety.kz", "Астана"));
        card.GetProperty("rating").ValueKind.Should().Be(JsonValueKind.Null);
        var products = await (await Api.Client().GetAsync("/api/v1/shops/17008/products")).Json();
        products.EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).Should().BeEquivalentTo([world.Bouquet, world.Roses]);
        (await Api.Client().GetAsync("/api/v1/shops/999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
