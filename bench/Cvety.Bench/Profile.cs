using Npgsql;

namespace Cvety.Bench;

/// <summary>What PostgreSQL ran during a phase, per operation, from pg_stat_statements (bench --profile).</summary>
public static class Profile
{
    public static async Task ResetAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task PrintAsync(string connectionString, int operations)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT calls, total_exec_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 40", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine($"Statements per operation ({operations} operations): calls/op, exec ms/op, rows/op, query");
        double calls = 0, ms = 0;
        while (await reader.ReadAsync())
        {
            calls += reader.GetInt64(0);
            ms += reader.GetDouble(1);
            Console.WriteLine($"{reader.GetInt64(0) / (double)operations,6:F2} {reader.GetDouble(1) / operations,7:F3} {reader.GetInt64(2) / (double)operations,6:F2}  {reader.GetString(3)}");
        }
        Console.WriteLine($"Top 40 total: {calls / operations:F1} calls/op, {ms / operations:F2} ms/op");
    }
}
