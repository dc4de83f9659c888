using Cvety.Api.Auth;
using Cvety.Application.Clients;
using Cvety.Domain.Common;
using Cvety.Domain.Shops;
using Wolverine;

namespace Cvety.Api.Endpoints;

/// <summary>The shop's client base (staff), and the client profile the AI agent personalises with (staff or the shop's key).</summary>
public static class ClientEndpoints
{
    public sealed record EraseBody(string? Reason);
    /// <summary>The admin SPA names the client <c>customerName</c>; Cvety's screens <c>name</c>.</summary>
    public sealed record NewClient(string Phone, string? Name, string? Email, string? Notes, IReadOnlyList<string>? Tags,
        [property: System.Text.Json.Serialization.JsonPropertyName("customerName")] string? CustomerName = null);
    public sealed record ClientChange(string? Name, string? Phone, string? Email, IReadOnlyList<string>? OtherPhones, IReadOnlyList<string>? Tags,
        string? DefaultAddress, string? Notes, [property: System.Text.Json.Serialization.JsonPropertyName("customerName")] string? CustomerName = null);
    public sealed record NotesBody(string? Notes);
    public sealed record PhoneBody(string? Phone);
    public sealed record PrivacyBody(string? Phone, bool? PersonalizationEnabled, bool? OptOut, bool? Erase, bool? DeleteData, string? Reason);

    public static IEndpointRouteBuilder MapClientEndpoints(this IEndpointRouteBuilder app)
    {
        var clients = app.MapGroup("/api/v1/clients").WithTags("Clients").RequireAuthorization();

        clients.MapGet("/", async (IMessageBus bus, HttpContext http, string? search, int? skip, int? limit, string? sort) =>
            {
                var page = await bus.InvokeForShopAsync<ClientPage>(http, new ListClients(search, skip ?? 0, limit ?? 50, sort));
                return Lists.Array(http, page.Items, page.Total);
            })
            .WithSummary("The shop's clients as a JSON array (total in X-Total-Count), those without orders too: ?search= name or phone, skip, limit, sort=last_order|name|orders|created.");

        clients.MapPost("/", async (NewClient body, IMessageBus bus, HttpContext http) =>
            {
                var id = await bus.InvokeForShopAsync<Guid>(http, new CreateClient(body.Phone, body.Name ?? body.CustomerName, body.Email, body.Notes, body.Tags));
                return Results.Created($"/api/v1/clients/{id}", (await bus.InvokeForShopAsync<ClientDetails>(http, new GetClient(id))).Client);
            })
            .WithSummary("Add a client by phone; a phone the shop knows is a 409.");

        clients.MapGet("/stats/dashboard", (IMessageBus bus, HttpContext http) => bus.InvokeForShopAsync<ClientsDashboard>(http, new GetClientsDashboard()))
            .WithSummary("total_clients, new this month, repeat rate, top clients.");

        clients.MapPost("/sync", (IMessageBus bus, HttpContext http) => bus.InvokeForShopAsync<ClientsSynced>(http, new SyncClients()))
            .WithSummary("Give every phone of the shop's orders a client of its own; running it again creates nothing.");

        clients.MapPost("/normalize-phone", (PhoneBody body) =>
                PhoneNumber.TryParse(body.Phone, out var phone)
                    ? Results.Ok(new { original = body.Phone, normalized = phone.Value, valid = true })
                    : Results.Ok(new { original = body.Phone, normalized = (string?)null, valid = false }))
            .WithSummary("A phone as Cvety stores it (+7XXXXXXXXXX), or valid: false.");

        clients.MapGet("/{id:guid}", (Guid id, IMessageBus bus, HttpContext http) => bus.InvokeForShopAsync<ClientDetails>(http, new GetClient(id)))
            .WithSummary("A client with their orders and statistics.");

        clients.MapGet("/{id:guid}/history", (Guid id, IMessageBus bus, HttpContext http) =>
                bus.InvokeForShopAsync<IReadOnlyList<Cvety.Application.Common.HistoryEntry>>(http, new GetClientHistory(id)))
            .WithSummary("Every change to the client's card: what, when, who (actor and role) and from where.");

        clients.MapPut("/{id:guid}", async (Guid id, ClientChange body, IMessageBus bus, HttpContext http) =>
            {
                await bus.InvokeForShopAsync(http, new UpdateClient(id, body.Name ?? body.CustomerName, body.Phone, body.Email, body.OtherPhones, body.Tags, body.DefaultAddress, body.Notes));
                return (await bus.InvokeForShopAsync<ClientDetails>(http, new GetClient(id))).Client;
            })
            .WithSummary("Change name, phone, other_phones, email, tags, default_address or notes.");

        clients.MapPut("/{id:guid}/notes", async (Guid id, NotesBody body, IMessageBus bus, HttpContext http) =>
            {
                await bus.InvokeForShopAsync(http, new SetClientNotes(id, body.Notes));
                return (await bus.InvokeForShopAsync<ClientDetails>(http, new GetClient(id))).Client;
            })
            .WithSummary("The shop's notes on a client.");

        clients.MapPost("/{id:guid}/erase", async (Guid id, EraseBody? body, IMessageBus bus, HttpContext http) =>
            {
                await bus.InvokeForShopAsync(http, new EraseClientData(id, body?.Reason));
                return (await bus.InvokeForShopAsync<ClientDetails>(http, new GetClient(id))).Client;
            })
            .WithSummary("Carry out a client's erasure (DIRECTOR, MANAGER; {reason}, required unless the client asked): the card forgets the person, orders keep their record.");

        var profile = app.MapGroup("/api/v1/client_profile").WithTags("Clients").AllowAnonymous();

        profile.MapGet("/", (string? phone, IMessageBus bus, BotOptions options, HttpContext http) =>
                bus.InvokeForTenantAsync<ClientProfile>(Shop.TenantIdFor(BotKeys.ShopOfStaffOrBot(http, options)), new GetClientProfile(phone ?? ""), http.RequestAborted))
            .WithSummary("For the AI agent (X-Bot-Key and ?shop_id=, or a staff token): a client's name, saved addresses, recent orders and preferences by ?phone=; name only when they opted out.");

        // The AI agent sends ?phone=&action=enable_personalization|disable_personalization|delete_profile_data and no body.
        profile.MapPatch("/privacy", (PrivacyBody? body, string? phone, string? action, IMessageBus bus, BotOptions options, HttpContext http) =>
                bus.InvokeForTenantAsync<PrivacyAnswer>(Shop.TenantIdFor(BotKeys.ShopOfStaffOrBot(http, options)),
                    new SetClientPrivacy(body?.Phone ?? phone ?? "",
                        body?.PersonalizationEnabled ?? (body?.OptOut is { } optOut ? !optOut : (bool?)null) ?? action switch
                        {
                            "enable_personalization" => true,
                            "disable_personalization" => false,
                            _ => (bool?)null,
                        },
                        body?.Erase ?? body?.DeleteData ?? (action == "delete_profile_data" ? true : (bool?)null), body?.Reason), http.RequestAborted))
            .WithSummary("A client's privacy choices: {phone, personalization_enabled | opt_out, erase | delete_data, reason}, or ?phone=&action=enable_personalization|disable_personalization|delete_profile_data. Erasure is recorded for staff to carry out, never a hard delete of order history.");

        return app;
    }
}
