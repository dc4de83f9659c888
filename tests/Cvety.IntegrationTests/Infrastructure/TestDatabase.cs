using Cvety.Infrastructure.Development;
using Cvety.Infrastructure.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Testcontainers.PostgreSql;

namespace Cvety.IntegrationTests.Infrastructure;

/// <summary>
/// A real PostgreSQL for the tests, whichever this machine can give, in this order:
/// a connection string from CVETY_TEST_CONNECTION_STRING; a Testcontainers PostgreSQL when a Docker engine answers;
/// otherwise a throwaway cluster from the installed PostgreSQL server binaries.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgreSqlContainer? _container;
    private readonly LocalPostgres? _local;

    private TestDatabase(string connectionString, string description, PostgreSqlContainer? container, LocalPostgres? local)
    {
        ConnectionString = connectionString;
        Description = description;
        _container = container;
        _local = local;
    }

    public string ConnectionString { get; }

    public string Description { get; }

    public static async Task<TestDatabase> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("CVETY_TEST_CONNECTION_STRING");
        if (!string.IsNullOrWhiteSpace(configured))
            return new TestDatabase(configured, "CVETY_TEST_CONNECTION_STRING", null, null);

        var container = await TryDockerAsync();
        if (container is not null)
            return new TestDatabase(container.GetConnectionString(), "Testcontainers", container, null);

        var local = await LocalPostgres.StartAsync(new LocalPostgresOptions
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), "cvety-tests-" + Guid.NewGuid().ToString("N")[..8]),
            Throwaway = true,
        }, NullLogger.Instance);
        return new TestDatabase(local.ConnectionString, "throwaway local cluster in " + local.DataPath, null, local);
    }

    private static async Task<PostgreSqlContainer?> TryDockerAsync()
    {
        try
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await container.StartAsync(timeout.Token);
            return container;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // No Docker engine (the usual case on our machines and in CI): fall back to local binaries.
            return null;
        }
    }

    /// <summary>A new, empty database on the same server, for a host of its own (an API process started by a test).</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = prefix + "_" + Guid.NewGuid().ToString("N")[..10];
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new Npgsql.NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var create = new Npgsql.NpgsqlCommand($"create database {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null) await _container.DisposeAsync();
        if (_local is not null) await _local.DisposeAsync();
    }
}
