using System.Diagnostics;
using Npgsql;

namespace Cvety.Bench;

/// <summary>
/// Preparing orders leaves work behind on the durable queues (stock reservations, for example). A measured phase
/// starts once that is done, so that it measures its own calls rather than the preparation's leftovers.
/// </summary>
public static class Background
{
    public static async Task DrainAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(3))
        {
            await using var command = new NpgsqlCommand(
                "select (select count(*) from cvety.wolverine_incoming_envelopes where status <> 'Handled') + (select count(*) from cvety.wolverine_outgoing_envelopes)",
                connection);
            var left = (long)(await command.ExecuteScalarAsync())!;
            if (left == 0) return;
            await Task.Delay(250);
        }
        Console.WriteLine("  (the queues did not drain within three minutes; measuring anyway)");
    }
}
