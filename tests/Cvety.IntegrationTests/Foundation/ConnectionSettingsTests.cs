using Cvety.Infrastructure.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cvety.IntegrationTests.Foundation;

public sealed class when_cvety_chooses_its_connection_settings
{
    private const string Local = "Host=127.0.0.1;Port=5999;Database=cvety;Username=cvety";

    [Fact]
    public async Task a_configured_connection_string_is_used_exactly_as_given()
    {
        const string configured = "Host=db;Database=cvety;Username=cvety";
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Marten"] = configured }).Build();

        var selection = await DatabaseSelection.ResolveAsync(config, NullLogger.Instance, isDevelopment: false);

        selection.ConnectionString.Should().Be(configured);
        var builder = new NpgsqlConnectionStringBuilder(selection.ConnectionString);
        builder.NoResetOnClose.Should().BeFalse("a connection is reset when it goes back to the pool unless the operator says otherwise");
        builder.MaxAutoPrepare.Should().Be(0);
    }

    [Fact]
    public async Task connections_keep_tcp_keepalive_on_unless_the_string_says()
    {
        const string configured = "Host=db;Database=cvety;Username=cvety";
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Marten"] = configured }).Build();
        var used = new NpgsqlConnectionStringBuilder((await DatabaseSelection.ResolveAsync(config, NullLogger.Instance, isDevelopment: false)).ForConnections);
        (used.TcpKeepAlive, used.TcpKeepAliveTime, used.TcpKeepAliveInterval, used.Host).Should().Be((true, 10, 5, "db"));
        new NpgsqlConnectionStringBuilder(DatabaseSelection.WithKeepAlive(configured + ";TCP Keepalive=false")).TcpKeepAlive.Should().BeFalse("the operator's word stands");
    }

    [Fact]
    public void the_local_clusters_pool_is_sized_to_the_cores_and_nothing_else_is_set()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseSelection.ForLocalCluster(Local));
        tuned.MaxPoolSize.Should().Be(Math.Max(4, 2 * Environment.ProcessorCount));
        tuned.NoResetOnClose.Should().BeFalse();
        tuned.MaxAutoPrepare.Should().Be(0);
    }

    [Theory]
    [InlineData("Maximum Pool Size=50")]
    [InlineData("maxpoolsize=50")]
    public void a_pool_size_given_for_the_local_cluster_wins(string setting) =>
        new NpgsqlConnectionStringBuilder(DatabaseSelection.ForLocalCluster($"{Local};{setting}")).MaxPoolSize.Should().Be(50);

    [Fact]
    public void a_password_that_looks_like_a_setting_is_not_taken_for_one() =>
        new NpgsqlConnectionStringBuilder(DatabaseSelection.ForLocalCluster($"{Local};Password='MaxPoolSize=50'")).MaxPoolSize.Should().Be(Math.Max(4, 2 * Environment.ProcessorCount));

    [Fact]
    public void a_minimum_above_the_default_raises_the_maximum_with_it() =>
        new NpgsqlConnectionStringBuilder(DatabaseSelection.ForLocalCluster($"{Local};Minimum Pool Size=40")).MaxPoolSize.Should().Be(40);
}
