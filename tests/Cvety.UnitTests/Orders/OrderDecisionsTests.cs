using Cvety.Domain.Common;
using Cvety.Domain.Orders;

namespace Cvety.UnitTests.Orders;

public sealed class when_decisions_are_made_about_an_order
{
    private static readonly Origin Staff = new(Sources.Admin, "user-1", "MANAGER");
    private static readonly Origin Bitrix = new(Sources.Bitrix, "bitrix");

    private static OrderPlaced Placed(long delivery = 150_000) => OrderDecisions.Place(
        Guid.NewGuid(), 17008, "#00001", "123456789",
        new Customer("Айгуль", "+77010000001", null, null), new Recipient("Анара", "+77020000002"),
        new Delivery(DeliveryType.Delivery, "пр. Достык, 123", new DateOnly(2026, 12, 1), "14:00-16:00", null), "С днём рождения!",
        [new OrderLine(1, "Букет", new Money(750_000), 2, null), new OrderLine(2, "Розы", new Money(1_782_000), 1, null)],
        new Money(delivery), PaymentMethod.Kaspi, Sources.Web, new ExternalIds(), null, null, Staff);

    private static Order In(OrderStatus status)
    {
        var order = Order.Create(Placed());
        order.Status = status;
        return order;
    }

    [Fact]
    public void the_total_is_the_lines_plus_delivery() => Placed().Total.Should().Be(new Money(3_432_000));

    [Fact]
    public void an_order_without_lines_is_refused() =>
        ((Action)(() => OrderDecisions.Place(Guid.NewGuid(), 1, "#1", "1", new Customer("a", "b", null, null), new Recipient(null, null),
            new Delivery(DeliveryType.Pickup, null, null, null, null), null, [], Money.Zero, PaymentMethod.Cash, "web", new ExternalIds(), null, null, Staff)))
        .Should().Throw<DomainException>();

    [Theory]
    [InlineData(OrderStatus.New, OrderStatus.Paid)]
    [InlineData(OrderStatus.New, OrderStatus.Accepted)]
    [InlineData(OrderStatus.Paid, OrderStatus.Accepted)]
    [InlineData(OrderStatus.Accepted, OrderStatus.Assembled)]
    [InlineData(OrderStatus.Assembled, OrderStatus.InDelivery)]
    [InlineData(OrderStatus.InDelivery, OrderStatus.Delivered)]
    [InlineData(OrderStatus.InDelivery, OrderStatus.Cancelled)]
    public void people_move_one_allowed_step(OrderStatus from, OrderStatus to) =>
        OrderDecisions.ChangeStatus(In(from), to, Staff, null).Should().ContainSingle();

    [Theory]
    [InlineData(OrderStatus.Delivered, OrderStatus.Accepted)]
    [InlineData(OrderStatus.Delivered, OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Cancelled, OrderStatus.New)]
    [InlineData(OrderStatus.Cancelled, OrderStatus.Paid)]
    [InlineData(OrderStatus.New, OrderStatus.Delivered)]
    [InlineData(OrderStatus.Accepted, OrderStatus.Paid)]
    [InlineData(OrderStatus.Assembled, OrderStatus.Accepted)]
    [InlineData(OrderStatus.New, OrderStatus.New)]
    public void anything_else_is_refused_naming_both_statuses(OrderStatus from, OrderStatus to)
    {
        var act = () => OrderDecisions.ChangeStatus(In(from), to, Staff, null);
        act.Should().Throw<InvalidTransitionException>().Which.Should().Match<InvalidTransitionException>(e => e.Current == from && e.Requested == to);
    }

    [Fact]
    public void paying_takes_the_outstanding_amount()
    {
        var order = In(OrderStatus.New);
        OrderDecisions.ChangeStatus(order, OrderStatus.Paid, Staff, null).Single().Should().BeOfType<OrderPaid>()
            .Which.Amount.Should().Be(new Money(3_432_000));
    }

    [Fact]
    public void an_outside_system_may_skip_forward() =>
        OrderDecisions.ReportStatusFromOutside(In(OrderStatus.New), OrderStatus.Delivered, "F", Bitrix).Single().Should().BeOfType<OrderDelivered>();

    [Theory]
    [InlineData(OrderStatus.Delivered, OrderStatus.Accepted)]
    [InlineData(OrderStatus.Assembled, OrderStatus.New)]
    [InlineData(OrderStatus.Cancelled, OrderStatus.Paid)]
    [InlineData(OrderStatus.Delivered, OrderStatus.Cancelled)]
    public void a_backward_report_from_outside_is_a_conflict_never_applied(OrderStatus current, OrderStatus reported) =>
        OrderDecisions.ReportStatusFromOutside(In(current), reported, "XX", Bitrix).Single().Should().BeOfType<OrderStatusConflictRecorded>()
            .Which.Should().Match<OrderStatusConflictRecorded>(c => c.Current == current && c.Reported == reported);

    [Fact]
    public void the_same_status_from_outside_changes_nothing() =>
        OrderDecisions.ReportStatusFromOutside(In(OrderStatus.Accepted), OrderStatus.Accepted, "AP", Bitrix).Should().BeEmpty();

    [Fact]
    public void customers_edit_only_what_changed_and_only_before_assembly()
    {
        var order = In(OrderStatus.Accepted);
        var events = OrderDecisions.EditByCustomer(order, order.Recipient, order.Delivery with { Address = "new" }, order.PostcardText, Staff);
        events.Single().Should().BeOfType<DeliveryDetailsChanged>();
        OrderDecisions.EditByCustomer(order, order.Recipient, order.Delivery, order.PostcardText, Staff).Should().BeEmpty();
        ((Action)(() => OrderDecisions.EditByCustomer(In(OrderStatus.Assembled), order.Recipient, order.Delivery, "x", Staff))).Should().Throw<DomainException>();
    }

    [Fact]
    public void feedback_needs_a_photo_and_is_given_once()
    {
        var order = In(OrderStatus.Assembled);
        ((Action)(() => OrderDecisions.GiveFeedback(order, "like", null, Staff))).Should().Throw<DomainException>();
        order.Apply(OrderDecisions.AddPhoto(order, "/media/p.png", Staff));
        order.Apply(OrderDecisions.GiveFeedback(order, "like", null, Staff));
        ((Action)(() => OrderDecisions.GiveFeedback(order, "dislike", null, Staff))).Should().Throw<DomainException>();
    }

    [Fact]
    public void assigning_the_same_person_again_records_nothing()
    {
        var order = In(OrderStatus.Accepted);
        var florist = Guid.NewGuid();
        order.Apply((ResponsibleFloristAssigned)OrderDecisions.AssignResponsible(order, florist, "Флорист", Staff).Single());
        OrderDecisions.AssignResponsible(order, florist, "Флорист", Staff).Should().BeEmpty();
        ((Action)(() => OrderDecisions.AssignCourier(In(OrderStatus.Delivered), florist, "x", Staff))).Should().Throw<DomainException>();
    }

    [Fact]
    public void every_status_has_a_lifecycle_row_and_final_states_lead_nowhere()
    {
        Enum.GetValues<OrderStatus>().Should().OnlyContain(s => OrderTransitions.Allowed.ContainsKey(s));
        OrderTransitions.Allowed[OrderStatus.Delivered].Should().BeEmpty();
        OrderTransitions.Allowed[OrderStatus.Cancelled].Should().BeEmpty();
        OrderStatuses.AllNames.Should().Equal("new", "paid", "accepted", "assembled", "in_delivery", "delivered", "cancelled");
    }
}
