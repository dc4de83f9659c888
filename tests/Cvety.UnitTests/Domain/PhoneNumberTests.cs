using Cvety.Domain.Common;

namespace Cvety.UnitTests.Domain;

public sealed class when_a_phone_is_typed
{
    [Theory]
    [InlineData("+77011234567", "+77011234567")]
    [InlineData("87011234567", "+77011234567")]
    [InlineData("77011234567", "+77011234567")]
    [InlineData("7011234567", "+77011234567")]
    [InlineData("8 (701) 123-45-67", "+77011234567")]
    [InlineData(" +7 701 123 45 67 ", "+77011234567")]
    public void it_is_normalised_to_plus_seven(string typed, string expected)
    {
        PhoneNumber.TryParse(typed, out var phone).Should().BeTrue();
        phone.Value.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("+87011234567")]
    [InlineData("+7701123456")]
    [InlineData("7011234567a")]
    [InlineData("+1 202 555 0100")]
    [InlineData(null)]
    public void anything_else_is_refused(string? typed) => PhoneNumber.TryParse(typed, out _).Should().BeFalse();

    [Fact]
    public void masking_keeps_the_first_four_and_last_three() =>
        PhoneNumber.Parse("+77771234556").Masked().Should().Be("+777*****556");
}
