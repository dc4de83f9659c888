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
    [InlineData("09:30-10:00", true)]
    [InlineData("25:00-26:00", false)]
    [InlineData("14:00", false)]
    [InlineData("2pm-4pm", false)]
    public void delivery_windows_are_hours_and_minutes(string window, bool valid)
    {
        var order = new Cvety.Application.Orders.PlaceOrder("Айгуль", "+77010000001", null, [new(1, 1, null)], "delivery", "Достык 1",
            new DateOnly(2026, 12, 1), window, null, null, null, null, null, "cash", null, null, null, null);
        new Cvety.Application.Orders.PlaceOrder.Validator().Validate(order).IsValid.Should().Be(valid);
    }

    [Fact]
    public void a_shop_needs_a_name_and_a_city_and_a_positive_id()
    {
        var result = new CreateShop.Validator().Validate(new CreateShop(0, "", "", "bad", null));
        result.Errors.Select(e => e.PropertyName).Should().BeEquivalentTo(["Id", "Name", "City", "Phone"]);
    }
}
