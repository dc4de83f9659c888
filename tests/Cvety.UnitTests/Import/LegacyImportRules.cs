using Cvety.Application.Import;
using Cvety.Domain.Orders;
using Cvety.Domain.Users;

namespace Cvety.UnitTests.Import;

/// <summary>The switch-over's reading rules and its plan for one order, without a database.</summary>
public sealed class when_legacy_rows_are_read
{
    [Theory]
    [InlineData("NEW", OrderStatus.New)]
    [InlineData("in_delivery", OrderStatus.InDelivery)]
    [InlineData("OrderStatus.ACCEPTED", OrderStatus.Accepted)]
    [InlineData("cancelled (Reason: клиент передумал)", OrderStatus.Cancelled)]
    [InlineData(" Delivered ", OrderStatus.Delivered)]
    public void status_labels_are_read_case_insensitively_whatever_wrote_them(string raw, OrderStatus expected) =>
        LegacyReading.Status(raw).Should().Be(expected);

    [Theory]
    [InlineData("IN_PRODUCTION")]
    [InlineData("READY")]
    [InlineData("")]
    public void labels_outside_the_enum_are_unknown_not_guessed(string raw) => LegacyReading.Status(raw).Should().BeNull();

    [Fact]
    public void a_cancel_reason_comes_out_of_the_history_text() =>
        LegacyReading.CancelReason("cancelled (Reason: клиент передумал)").Should().Be("клиент передумал");

    [Theory]
    [InlineData("director", UserRole.Director)]
    [InlineData("ADMIN", UserRole.Manager)]
    [InlineData("Courier", UserRole.Courier)]
    public void roles_are_read_case_insensitively_and_admin_becomes_manager(string raw, UserRole expected) => LegacyReading.Role(raw).Should().Be(expected);

    [Theory]
    [InlineData("77088888888", "+77088888888")]
    [InlineData("8 701 521 15 45", "+77015211545")]
    [InlineData("+7 701 234 5678", "+77012345678")]
    [InlineData("424234", null)]
    public void phones_are_normalised_or_refused(string raw, string? expected) => LegacyReading.Phone(raw).Should().Be(expected);

    [Fact]
    public void assignments_and_feedback_are_read_from_their_history_text()
    {
        LegacyReading.Assignee("Айдана (ID: 3)").Should().Be(("Айдана", 3));
        LegacyReading.Feedback("👎 Dislike: вялые").Should().Be(("dislike", "вялые"));
    }

    [Fact]
    public void the_admin_spas_utc_delivery_date_is_the_shops_wall_clock_and_a_bots_is_read_as_it_is()
    {
        var stored = new DateTime(2024, 4, 5, 8, 0, 0);
        LegacyClock.Utc.Delivery(stored, fromTelegram: false).Should().Be(When(new DateOnly(2024, 4, 5), new TimeOnly(13, 0)));
        LegacyClock.Utc.Delivery(stored, fromTelegram: true).Should().Be(When(new DateOnly(2024, 4, 5), new TimeOnly(8, 0)));
        LegacyClock.Utc.Delivery(new DateTime(2024, 4, 4, 19, 0, 0), false).Should().Be(When(new DateOnly(2024, 4, 5), null), "midnight in Almaty is a day without a time");
    }

    private static (DateOnly Day, TimeOnly? Time)? When(DateOnly day, TimeOnly? time) => (day, time);

    [Fact]
    public void nothing_without_a_date()
    {
        LegacyClock.Utc.Delivery(null, false).Should().BeNull();
    }

    [Fact]
    public void ids_are_the_same_on_every_run_and_differ_between_kinds()
    {
        LegacyReading.IdOf("order", 1).Should().Be(LegacyReading.IdOf("order", 1));
        LegacyReading.IdOf("order", 1).Should().NotBe(LegacyReading.IdOf("warehouseitem", 1));
    }
}

public sealed class when_a_legacy_order_is_planned
{
    private static readonly LegacyOrderContext Context = new(17008, LegacyClock.Utc, new Dictionary<int, (Guid, string)> { [3] = (Guid.NewGuid(), "Айдана") });

    private static LegacyOrderRow Row(string status, DateTime? updated = null) => new(
        1, 17008, "012345678", "#00041", "Айгуль", "+77015211545", null, "ул. Кенесары, 40", null, "Завтра", 1_000_000, 0, 1_000_000, status, null,
        null, null, "Анара", "+77020000002", null, null, "delivery", null, "cash", null, 0, null, null, null, null, false, false, null, null, null,
        new DateTime(2024, 4, 1, 6, 0, 0), updated ?? new DateTime(2024, 4, 2, 11, 30, 0));

    private static LegacyHistoryRow History(int id, string field, string? old, string? @new, int minute) =>
        new(id, 1, "admin", field, old, @new, new DateTimeOffset(2024, 4, 1, 7, minute, 0, TimeSpan.Zero));

    [Fact]
    public void it_is_placed_in_the_state_its_history_undoes_and_each_row_follows_at_its_time()
    {
        var (events, last, _) = LegacyOrderPlan.Plan(Row("ACCEPTED"), [], [], [History(10, "recipient_name", "Даня", "Анара", 1), History(11, "status", "new", "accepted", 2)],
            Context, Guid.NewGuid(), null, 0);

        var placed = events[0].Data.Should().BeOfType<OrderPlaced>().Subject;
        placed.Recipient.Name.Should().Be("Даня", "the first history row changed it later");
        events[0].At.Should().Be(new DateTimeOffset(2024, 4, 1, 6, 0, 0, TimeSpan.Zero));
        events.Skip(1).Select(e => e.Data.GetType().Name).Should().Equal(nameof(RecipientChanged), nameof(OrderAccepted));
        events.Select(e => e.At).Should().BeInAscendingOrder();
        last.Should().Be(11);
    }

    [Fact]
    public void a_status_the_history_does_not_reach_is_taken_over_at_the_rows_last_update()
    {
        var (events, _, _) = LegacyOrderPlan.Plan(Row("DELIVERED"), [], [], [History(11, "status", "new", "accepted", 2)], Context, Guid.NewGuid(), null, 0);
        var last = events[^1];
        last.Data.Should().BeOfType<OrderStateTakenOver>().Which.Status.Should().Be(OrderStatus.Delivered);
        last.At.Should().Be(new DateTimeOffset(2024, 4, 2, 11, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void a_second_plan_over_what_was_imported_adds_nothing_and_a_later_row_adds_only_itself()
    {
        var id = Guid.NewGuid();
        var history = new List<LegacyHistoryRow> { History(11, "status", "new", "accepted", 2) };
        var (first, last, _) = LegacyOrderPlan.Plan(Row("ACCEPTED"), [], [], history, Context, id, null, 0);
        var facts = new OrderFacts();
        foreach (var e in first) facts.Apply(e.Data);

        LegacyOrderPlan.Plan(Row("ACCEPTED"), [], [], history, Context, id, facts, last).Events.Should().BeEmpty();

        history.Add(History(12, "status", "accepted", "assembled", 30));
        var (later, _, _) = LegacyOrderPlan.Plan(Row("ASSEMBLED"), [], [], history, Context, id, facts, last);
        later.Select(e => e.Data.GetType().Name).Should().Equal(nameof(OrderAssembled));
    }
}
