using Cvety.Domain.Clients;
using Cvety.Domain.Common;

namespace Cvety.UnitTests.Clients;

public sealed class when_staff_save_a_clients_card
{
    private static readonly Origin Staff = new(Sources.Admin, "user-1", "MANAGER");
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly ClientFields Card = new("Айгуль", "+77011234567", null, [], ["VIP"], "пр. Достык, 1", "Только белые розы");

    [Fact]
    public void an_unchanged_card_records_nothing() =>
        ClientDecisions.Change(Id, Card, Card with { OtherPhones = [], Tags = ["VIP"] }, Staff).Should().BeEmpty();

    [Fact]
    public void changed_details_are_one_event_holding_every_new_value()
    {
        var events = ClientDecisions.Change(Id, Card, Card with { Email = "a@example.kz", Tags = ["VIP", "корпоратив"] }, Staff);
        var changed = events.Should().ContainSingle().Which.Should().BeOfType<ClientDetailsChanged>().Subject;
        changed.Email.Should().Be("a@example.kz");
        changed.Tags.Should().Equal("VIP", "корпоратив");
        changed.Name.Should().Be("Айгуль", "the fields not changed keep their values in the event");
    }

    [Fact]
    public void notes_are_their_own_event_and_empty_notes_equal_none()
    {
        ClientDecisions.Change(Id, Card, Card with { Notes = "Аллергия на лилии" }, Staff).Should().ContainSingle().Which.Should().BeOfType<ClientNotesChanged>();
        ClientDecisions.Change(Id, Card with { Notes = null }, Card with { Notes = "" }, Staff).Should().BeEmpty();
    }

    [Fact]
    public void notes_written_alone_are_trimmed_and_blank_ones_clear_them()
    {
        ClientDecisions.SetNotes(Id, "Только белые розы", "  Только белые розы ", Staff).Should().BeEmpty();
        ClientDecisions.SetNotes(Id, "Только белые розы", "   ", Staff).Should().ContainSingle().Which.Should().BeOfType<ClientNotesChanged>().Which.Notes.Should().BeNull();
    }
}

public sealed class when_staff_moderate_a_review
{
    private static readonly Origin Staff = new(Sources.Admin, "user-1", "FLORIST");
    private static readonly Guid Id = Guid.NewGuid();

    [Fact]
    public void hiding_says_why_and_asking_again_records_nothing()
    {
        Cvety.Domain.Reviews.ReviewDecisions.Moderate(Id, false, true, " спам ", Staff).Should().ContainSingle()
            .Which.Should().BeOfType<Cvety.Domain.Reviews.ReviewHidden>().Which.Reason.Should().Be("спам");
        Cvety.Domain.Reviews.ReviewDecisions.Moderate(Id, true, true, "спам", Staff).Should().BeEmpty();
        FluentActions.Invoking(() => Cvety.Domain.Reviews.ReviewDecisions.Moderate(Id, false, true, " ", Staff)).Should().Throw<DomainException>();
    }

    [Fact]
    public void showing_a_hidden_review_needs_no_reason() =>
        Cvety.Domain.Reviews.ReviewDecisions.Moderate(Id, true, false, null, Staff).Should().ContainSingle().Which.Should().BeOfType<Cvety.Domain.Reviews.ReviewShown>();
}
