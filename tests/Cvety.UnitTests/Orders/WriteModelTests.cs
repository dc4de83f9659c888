using System.Reflection;
using Cvety.Application.Orders;
using Cvety.Domain.Orders;

namespace Cvety.UnitTests.Orders;

/// <summary>
/// <see cref="OrderWriteModel"/> hands each event to <see cref="Order"/>'s own Apply (the domain project has no Marten to
/// see them). An Apply added to the aggregate but not forwarded would be silently skipped on every write: this test
/// makes that a failure.
/// </summary>
public sealed class the_write_model
{
    private static IEnumerable<Type> EventsOf(Type type, string method) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.Name == method && m.GetParameters().Length > 0)
            .Select(m => m.GetParameters()[0].ParameterType);

    [Fact]
    public void forwards_every_event_the_order_applies()
    {
        var applied = EventsOf(typeof(Order), "Apply").ToHashSet();
        var forwarded = EventsOf(typeof(OrderWriteModel), "Apply").ToHashSet();

        applied.Should().NotBeEmpty();
        forwarded.Should().BeEquivalentTo(applied);
        EventsOf(typeof(OrderWriteModel), "Create").Should().Equal(EventsOf(typeof(Order), "Create"));
    }

    [Fact]
    public void forwards_to_the_same_state_the_order_reaches_by_itself()
    {
        var placed = new OrderPlaced(Guid.NewGuid(), 1, "#1", "123456789", new Customer("А", "+77010000001", null, null), new Recipient(null, null),
            new Delivery(DeliveryType.Delivery, "Достык 1", null, null, null), null, [new OrderLine(1, "Букет", new Cvety.Domain.Common.Money(100), 1, null)],
            Cvety.Domain.Common.Money.Zero, new Cvety.Domain.Common.Money(100), PaymentMethod.Cash, "web", new ExternalIds(), null, null,
            new Cvety.Domain.Common.Origin("admin", "u"));
        var accepted = new OrderAccepted(placed.OrderId, null, placed.By);
        var model = new OrderWriteModel();

        var order = model.Create(placed);
        model.Apply(accepted, order);

        order.Status.Should().Be(OrderStatus.Accepted);
    }
}
