using Npgsql;

namespace Cvety.Infrastructure.Database;

public sealed record DatabaseStatus(bool Healthy, string? Error, double LatencyMs);

/// <summary>A round trip to PostgreSQL with a short timeout, for /health and /ready.</summary>
public sealed class DatabaseHealth(DatabaseSelection database)
{
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
    {
        Timeout = 3,
        CommandTimeout = 3,
        // A separate small pool, so health probes never queue behind the application's connections.
        ApplicationName = "cvety-health",
        MaxPoolSize = 2,
    }.ConnectionString;

    public async Task<DatabaseStatus> CheckAsync(CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await using var conn = new NpgsqlConnection(_connectionString);
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("select 1", conn);
            await cmd.ExecuteScalarAsync(ct);
            return new DatabaseStatus(true, null, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            return new DatabaseStatus(false, e.Message, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
