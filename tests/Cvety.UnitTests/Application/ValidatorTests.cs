using Cvety.Application.Shops;
using Cvety.Application.Users;

namespace Cvety.UnitTests.Application;

public sealed class when_staff_are_described
{
    [Fact]
    public void a_valid_member_of_staff_passes() =>
        new CreateUser.Validator().Validate(new CreateUser(8, "Анара", "8 701 123 45 67", "long-enough", "florist")).IsValid.Should().BeTrue();

    [Theory]
    [InlineData("SUPERADMIN")]
    [InlineData("ADMIN")]
    [InlineData("")]
    [InlineData("1")]
    public void roles_outside_a_shop_are_refused(string role) =>
        new CreateUser.Validator().Validate(new CreateUser(8, "X", "+77011234567", "long-enough", role)).Errors
            .Should().ContainSingle(e => e.PropertyName == "Role");

    [Theory]
    [InlineData("14:00-16:00", true)]
    [InlineData("14:00", true)]
    [InlineData("после обеда", true)]
    [InlineData("", true)]
    public void a_delivery_time_is_any_text_of_at_most_100_characters(string window, bool valid)
    {
        var order = new Cvety.Application.Orders.PlaceOrder("Айгуль", "+77010000001", null, [new(1, 1, null)], "delivery", "Достык 1",
            Cvety.Application.Orders.DeliveryDateInput.From(new DateOnly(2026, 12, 1)), window, null, null, null, null, null, "cash", null, null, null, null);
        new Cvety.Application.Orders.PlaceOrder.Validator().Validate(order).IsValid.Should().Be(valid);
        new Cvety.Application.Orders.PlaceOrder.Validator().Validate(order with { ScheduledTime = new string('x', 101) }).IsValid.Should().BeFalse();
    }

    [Fact]
    public void an_order_without_a_date_is_valid_and_one_that_asks_the_recipient_needs_no_address()
    {
        var order = new Cvety.Application.Orders.PlaceOrder("+77010000001", "+77010000001", null, [new(1, 1, null)], "delivery", null,
            null, null, null, null, null, null, null, "kaspi", null, null, null, null, DeliveryNotes: "Завтра, 12:00-14:00", AskDeliveryAddress: true);
        new Cvety.Application.Orders.PlaceOrder.Validator().Validate(order).IsValid.Should().BeTrue();
        new Cvety.Application.Orders.PlaceOrder.Validator().Validate(order with { AskDeliveryAddress = null }).IsValid.Should().BeFalse();
    }

    [Fact]
    public void a_shop_needs_a_name_and_a_city_and_a_positive_id()
    {
        var result = new CreateShop.Validator().Validate(new CreateShop(0, "", "", "bad", null));
        result.Errors.Select(e => e.PropertyName).Should().BeEquivalentTo(["Id", "Name", "City", "Phone"]);
    }
}
