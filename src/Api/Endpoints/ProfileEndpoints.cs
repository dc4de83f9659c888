using Cvety.Application.Auth;
using Cvety.Application.Common;
using Cvety.Application.Users;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Cvety.Api.Endpoints;

/// <summary>The signed-in person's own profile, and their shop's team (the admin SPA's profile screens).</summary>
public static class ProfileEndpoints
{
    public sealed record ProfileChange(string? Name, string? Email, string? Phone, string? Password, long? TelegramUserId);
    public sealed record Invite(string Phone, string? Role, string? Name);
    public sealed record RoleChange(string? NewRole, string? Role);

    public static IEndpointRouteBuilder MapProfileEndpoints(this IEndpointRouteBuilder app)
    {
        var profile = app.MapGroup("/api/v1/profile").WithTags("Profile and team").RequireAuthorization();

        profile.MapGet("/", (IMessageBus bus, HttpContext http) => bus.InvokeAsync<UserView>(new GetMe(), http.RequestAborted))
            .WithSummary("My profile.");

        profile.MapPut("/", async (ProfileChange body, IMessageBus bus, ICurrentUser currentUser, HttpContext http) =>
            {
                await bus.InvokeAsync(new UpdateProfile(currentUser.Actor.UserId!.Value, body.Name, body.Email, body.Phone, body.Password, body.TelegramUserId), http.RequestAborted);
                return await bus.InvokeAsync<UserView>(new GetMe(), http.RequestAborted);
            })
            .WithSummary("Change my name, email or phone (a new phone needs {password}).");

        profile.MapGet("/team", async (IMessageBus bus, HttpContext http, [FromQuery(Name = "include_inactive")] bool? includeInactive) =>
                Lists.Array(http, await bus.InvokeAsync<IReadOnlyList<UserView>>(new ListUsers(IncludeInactive: includeInactive ?? false), http.RequestAborted)))
            .WithSummary("My shop's team (removed members with ?include_inactive=true).");

        profile.MapPost("/team/invite", async (Invite body, IMessageBus bus, HttpContext http) =>
            {
                var invitation = await bus.InvokeAsync<InvitationView>(new InviteMember(body.Phone, body.Role, body.Name), http.RequestAborted);
                return Results.Created($"/api/v1/profile/team/invitations/{invitation.Id}", invitation);
            })
            .WithSummary("Invite a phone into the team with a role (DIRECTOR or MANAGER; never above your own role).");

        profile.MapGet("/team/invitations", async (IMessageBus bus, HttpContext http) =>
                Lists.Array(http, await bus.InvokeAsync<IReadOnlyList<InvitationView>>(new ListInvitations(), http.RequestAborted)))
            .WithSummary("Pending invitations of my shop.");

        profile.MapDelete("/team/invitations/{invitationId:guid}", async (Guid invitationId, IMessageBus bus, HttpContext http) =>
            {
                await bus.InvokeAsync(new CancelInvitation(invitationId), http.RequestAborted);
                return Results.Ok(new { message = "Invitation cancelled" });
            })
            .WithSummary("Withdraw a pending invitation.");

        profile.MapDelete("/team/{userId:guid}", async (Guid userId, [FromQuery(Name = "reason")] string? reason, IMessageBus bus, HttpContext http) =>
            {
                await bus.InvokeAsync(new RemoveMember(userId, reason), http.RequestAborted);
                return Results.Ok(new { message = "Member removed", user = await bus.InvokeAsync<UserView>(new GetUser(userId), http.RequestAborted) });
            })
            .WithSummary("Remove a member: the account is deactivated, never deleted; their tokens stop working.");

        profile.MapPut("/team/{userId:guid}/role", async (Guid userId, RoleChange? body, [FromQuery(Name = "new_role")] string? newRole, IMessageBus bus, HttpContext http) =>
            {
                await bus.InvokeAsync(new ChangeMemberRole(userId, body?.NewRole ?? body?.Role ?? newRole), http.RequestAborted);
                return await bus.InvokeAsync<UserView>(new GetUser(userId), http.RequestAborted);
            })
            .WithSummary("Give a member another role (?new_role= or {new_role}); never above your own, and never the last DIRECTOR's.");

        profile.MapGet("/stats", (IMessageBus bus, HttpContext http) => bus.InvokeForShopAsync<TeamStats>(http, new GetTeamStats()))
            .WithSummary("This month's orders per person: responsible, delivering, delivered; team size by role.");

        return app;
    }
}
