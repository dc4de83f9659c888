using Cvety.Infrastructure.Development;
using Cvety.Infrastructure.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cvety.IntegrationTests.Foundation;

public sealed class when_no_database_is_configured
{
    [Fact]
    public async Task the_local_cluster_is_created_then_reused_with_its_data()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cvety-reuse-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new LocalPostgresOptions { DataDirectory = dir };
        try
        {
            await using (var first = await LocalPostgres.StartAsync(options, NullLogger.Instance))
            {
                await Execute(first.ConnectionString, "create table kept (v int); insert into kept values (42);");
            }

            await using var second = await LocalPostgres.StartAsync(options with { Throwaway = true }, NullLogger.Instance);
            (await Scalar(second.ConnectionString, "select v from kept")).Should().Be(42);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task a_new_cluster_has_small_shared_buffers_unless_its_settings_say_otherwise()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cvety-settings-" + Guid.NewGuid().ToString("N")[..8]);
        await using (var plain = await LocalPostgres.StartAsync(new LocalPostgresOptions { DataDirectory = dir, Throwaway = true }, NullLogger.Instance))
        {
            (await Scalar(plain.ConnectionString, "show shared_buffers")).Should().Be("16MB");
        }

        var other = dir + "-given";
        await using var given = await LocalPostgres.StartAsync(
            new LocalPostgresOptions { DataDirectory = other, Throwaway = true, Settings = ["shared_buffers = 24MB"] }, NullLogger.Instance);
        (await Scalar(given.ConnectionString, "show shared_buffers")).Should().Be("24MB");
    }

    [Fact]
    public void missing_binaries_fail_with_a_message_naming_what_to_install()
    {
        var act = () => LocalPostgres.FindBinaries("/nonexistent/postgres/bin");
        act.Should().Throw<Cvety.Infrastructure.Configuration.InvalidSettingsException>().WithMessage("*initdb, pg_ctl, postgres*");
    }

    private static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync();
    }

    private static Task Execute(string connectionString, string sql) => Scalar(connectionString, sql);
}
