using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Users;
using FluentValidation;
using Marten;
using Wolverine.Marten;

namespace Cvety.Application.Users;

/// <summary>
/// A DIRECTOR or MANAGER removes a member from the team: the account is deactivated, never deleted (history keeps
/// the name), and the member's tokens stop working at once.
/// </summary>
public sealed record RemoveMember(Guid UserId, string? Reason)
{
    public sealed class Validator : AbstractValidator<RemoveMember>
    {
        public Validator() => RuleFor(x => x.Reason).MaximumLength(500);
    }
}

public static class RemoveMemberHandler
{
    // The session: whether the member is the shop's last DIRECTOR is a question about other accounts; and who did it goes on the events' metadata.
    public static async Task<object[]> Handle(RemoveMember command, [WriteAggregate(Required = false)] User? user, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var actor = currentUser.RequireTeamManager();
        var member = user.Visible(actor, command.UserId);
        actor.RequireRankOver(member.Role);

        var origin = Origins.Of(actor);
        return UserDecisions.Deactivate(member, await Accounts.IsLastDirectorAsync(session, member, ct), command.Reason?.Trim(), origin);
    }
}
