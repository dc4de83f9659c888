using Cvety.Infrastructure.Database;
using Npgsql;

namespace Cvety.IntegrationTests.Foundation;

public sealed class when_cvety_tunes_the_connection_string
{
    private const string Configured = "Host=db;Database=cvety;Username=cvety";

    [Fact]
    public void the_pool_is_sized_to_the_cores_and_the_reset_and_preparation_are_set()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseSelection.Tuned(Configured));
        tuned.MaxPoolSize.Should().Be(Math.Max(4, 2 * Environment.ProcessorCount));
        tuned.NoResetOnClose.Should().BeTrue();
        tuned.MaxAutoPrepare.Should().Be(64);
    }

    [Theory]
    [InlineData("Maximum Pool Size=50")]
    [InlineData("maxpoolsize=50")]
    public void a_pool_size_given_in_the_configuration_wins(string setting) =>
        new NpgsqlConnectionStringBuilder(DatabaseSelection.Tuned($"{Configured};{setting}")).MaxPoolSize.Should().Be(50);

    [Theory]
    [InlineData("No Reset On Close=false")]
    [InlineData("NoResetOnClose=false")]
    public void a_reset_asked_for_in_the_configuration_stays(string setting) =>
        new NpgsqlConnectionStringBuilder(DatabaseSelection.Tuned($"{Configured};{setting}")).NoResetOnClose.Should().BeFalse();

    [Fact]
    public void a_password_that_looks_like_a_setting_is_not_taken_for_one() =>
        new NpgsqlConnectionStringBuilder(DatabaseSelection.Tuned($"{Configured};Password='MaxPoolSize=50'")).MaxPoolSize.Should().Be(Math.Max(4, 2 * Environment.ProcessorCount));

    [Fact]
    public void a_minimum_above_the_default_raises_the_maximum_with_it() =>
        new NpgsqlConnectionStringBuilder(DatabaseSelection.Tuned($"{Configured};Minimum Pool Size=40")).MaxPoolSize.Should().Be(40);
}
