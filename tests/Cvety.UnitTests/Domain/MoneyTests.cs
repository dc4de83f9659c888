using Cvety.Domain.Common;

namespace Cvety.UnitTests.Domain;

public sealed class when_money_crosses_the_tenge_edge
{
    [Fact]
    public void tenge_become_a_hundred_tiyn_each() => Money.FromTenge(17_820m).Tiyn.Should().Be(1_782_000);

    [Fact]
    public void tiyn_become_tenge_only_when_asked() => new Money(1_200_000).ToTenge().Should().Be(12_000m);

    [Fact]
    public void fractions_of_a_tiyn_are_refused() => ((Action)(() => Money.FromTenge(0.001m))).Should().Throw<ArgumentException>();

    [Fact]
    public void arithmetic_stays_in_tiyn()
    {
        (new Money(750_000) * 2 + new Money(150_000)).Should().Be(new Money(1_650_000));
        (new Money(100) - new Money(30)).Tiyn.Should().Be(70);
    }
}
