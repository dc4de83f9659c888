using Cvety.Domain.Common;
using Cvety.Domain.Users;

namespace Cvety.UnitTests.Users;

public sealed class UserDecisionsTests
{
    private static readonly Origin Director = new(Sources.Admin, Guid.NewGuid().ToString(), "DIRECTOR");

    private static User Member(UserRole role) => new() { Id = Guid.NewGuid(), Name = "Дана", Phone = "+77070000001", Role = role, ShopId = 8 };

    [Fact]
    public void the_last_director_cannot_be_given_another_role()
    {
        var act = () => UserDecisions.ChangeRole(Member(UserRole.Director), UserRole.Manager, lastDirector: true, Director);
        act.Should().Throw<DomainException>().WithMessage("*last DIRECTOR*");
    }

    [Fact]
    public void a_director_among_others_may_step_down()
    {
        var member = Member(UserRole.Director);
        UserDecisions.ChangeRole(member, UserRole.Manager, lastDirector: false, Director)
            .Should().Equal(new UserRoleChanged(member.Id, UserRole.Director, UserRole.Manager, Director));
    }

    [Fact]
    public void the_same_role_again_changes_nothing() =>
        UserDecisions.ChangeRole(Member(UserRole.Florist), UserRole.Florist, lastDirector: false, Director).Should().BeEmpty();

    [Fact]
    public void removing_a_removed_member_changes_nothing()
    {
        var member = Member(UserRole.Courier);
        member.IsActive = false;
        UserDecisions.Deactivate(member, lastDirector: false, "уволен", Director).Should().BeEmpty();
    }

    [Fact]
    public void the_superadmin_cannot_be_blocked() =>
        FluentActions.Invoking(() => UserDecisions.Block(Member(UserRole.Superadmin), true, null, Director)).Should().Throw<DomainException>();

    [Fact]
    public void a_profile_edit_records_only_what_changed()
    {
        var member = Member(UserRole.Florist);
        var events = UserDecisions.ChangeProfile(member, member.Name, null, "+77070000002", Director);
        events.Should().Equal(new UserPhoneChanged(member.Id, "+77070000001", "+77070000002", Director));
    }

    [Fact]
    public void ranks_order_the_roles() =>
        new[] { UserRole.Courier, UserRole.Florist, UserRole.Manager, UserRole.Director, UserRole.Superadmin }.Select(UserDecisions.Rank)
            .Should().BeInAscendingOrder().And.Subject.Skip(1).Should().OnlyHaveUniqueItems();

    [Fact]
    public void a_token_stands_while_its_stamp_is_current_and_its_session_not_revoked()
    {
        var user = Member(UserRole.Manager);
        var session = Guid.NewGuid();
        user.Honours(0, session).Should().BeTrue();
        user.SecurityStamp = 1;
        user.Honours(0, session).Should().BeFalse();
        user.KeptSession = session;
        user.Honours(0, session).Should().BeTrue("the session that changed the password goes on");
        user.RevokedSessions.Add(new RevokedSession(session, DateTimeOffset.MaxValue));
        user.Honours(1, session).Should().BeFalse();
        user.Honours(1, Guid.NewGuid()).Should().BeTrue();
        user.IsBlocked = true;
        user.Honours(1, null).Should().BeFalse();
    }
}

public sealed class SecretsInLogs
{
    /// <summary>Wolverine logs a failed message with its ToString(): a message that carries a password must not print it.</summary>
    [Fact]
    public void no_message_prints_a_password()
    {
        var messages = typeof(Cvety.Application.Users.CreateUser).Assembly.GetTypes()
            .Where(t => t.GetProperties().Any(p => p.Name.Contains("Password", StringComparison.Ordinal) && p.PropertyType == typeof(string)))
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Length > 0) && !t.IsAbstract)
            .ToList();
        messages.Should().NotBeEmpty();
        foreach (var type in messages)
        {
            var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            var args = ctor.GetParameters().Select(p => p.ParameterType == typeof(string) ? "secret-" + p.Name : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
            var text = ctor.Invoke(args).ToString()!;
            foreach (var p in ctor.GetParameters().Where(p => p.Name!.Contains("assword", StringComparison.Ordinal)))
                text.Should().NotContain("secret-" + p.Name, $"{type.Name} prints its {p.Name}");
        }
    }
}
