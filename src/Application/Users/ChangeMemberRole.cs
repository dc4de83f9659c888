using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Users;
using FluentValidation;
using Marten;
using Wolverine.Marten;

namespace Cvety.Application.Users;

/// <summary>A DIRECTOR or MANAGER gives a member of their team another role, never above their own.</summary>
public sealed record ChangeMemberRole(Guid UserId, string? NewRole)
{
    public sealed class Validator : AbstractValidator<ChangeMemberRole>
    {
        public Validator() =>
            RuleFor(x => x.NewRole).Must(r => UserRoles.TryParse(r, out var role) && UserRoles.ShopRoles.Contains(role))
                .WithMessage("'new_role' must be one of DIRECTOR, MANAGER, FLORIST, COURIER.");
    }
}

public static class ChangeMemberRoleHandler
{
    // The session: whether the member is the shop's last DIRECTOR is a question about other accounts; and who did it goes on the events' metadata.
    public static async Task<object[]> Handle(ChangeMemberRole command, [WriteAggregate(Required = false)] User? user, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var actor = currentUser.RequireTeamManager();
        UserRoles.TryParse(command.NewRole, out var role);
        actor.RequireRankOver(role);
        var member = user.Visible(actor, command.UserId);
        actor.RequireRankOver(member.Role);

        var origin = Origins.Of(actor);
        return UserDecisions.ChangeRole(member, role, await Accounts.IsLastDirectorAsync(session, member, ct), origin);
    }
}
