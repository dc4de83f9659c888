using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Cvety.Infrastructure.Database;

/// <summary>
/// Limits that hold for the whole cluster, not for each API process: counters in fixed windows (sign-in failures,
/// sign-ups) and turns in a queue (Telegram's send rates), kept in PostgreSQL with one atomic statement each, so that
/// two nodes allow what one would (ADR 0026). Rows are tiny and keyed; an expired window is reset by the next hit.
/// </summary>
public sealed class ClusterLimits(NpgsqlDataSource data, TimeProvider clock)
{
    public const string CountersTable = "cluster_counters";
    public const string TurnsTable = "cluster_turns";

    /// <summary>The two tables, made with Marten's schema (see <c>CvetyInfrastructure</c>).</summary>
    public static IEnumerable<Table> Tables(string schema)
    {
        var counters = new Table($"{schema}.{CountersTable}");
        counters.AddColumn<string>("key").AsPrimaryKey();
        counters.AddColumn<DateTimeOffset>("window_start").NotNull();
        counters.AddColumn<int>("count").NotNull();
        var turns = new Table($"{schema}.{TurnsTable}");
        turns.AddColumn<string>("key").AsPrimaryKey();
        turns.AddColumn<DateTimeOffset>("next_at").NotNull();
        return [counters, turns];
    }

    public string Schema { get; init; } = "cvety";

    /// <summary>Counts one more in <paramref name="key"/>'s window (a new window when the last one is over); answers the count.</summary>
    public async Task<int> HitAsync(string key, TimeSpan window, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var command = data.CreateCommand($"""
            insert into {Schema}.{CountersTable} as c (key, window_start, count) values ($1, $2, 1)
            on conflict (key) do update set
              count = case when c.window_start + $3 <= $2 then 1 else c.count + 1 end,
              window_start = case when c.window_start + $3 <= $2 then $2 else c.window_start end
            returning count
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = window });
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The count in <paramref name="key"/>'s current window (0 when it is over or never started).</summary>
    public async Task<int> CountAsync(string key, TimeSpan window, CancellationToken ct)
    {
        await using var command = data.CreateCommand($"select count from {Schema}.{CountersTable} where key = $1 and window_start + $2 > $3");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = window });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        return await command.ExecuteScalarAsync(ct) is int count ? count : 0;
    }

    public async Task ResetAsync(string key, CancellationToken ct)
    {
        await using var command = data.CreateCommand($"delete from {Schema}.{CountersTable} where key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Takes the next turn in each queue (one turn per <c>interval</c> per key) and answers when the latest of them comes:
    /// the caller waits until then. Every node takes its turns from the same rows, so together they keep the pace.
    /// </summary>
    public async Task<DateTimeOffset> TakeTurnAsync(IReadOnlyList<(string Key, TimeSpan Interval)> queues, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var latest = now;
        await using var batch = data.CreateBatch();
        foreach (var (key, interval) in queues)
        {
            var command = new NpgsqlBatchCommand($"""
                insert into {Schema}.{TurnsTable} as t (key, next_at) values ($1, $2 + $3)
                on conflict (key) do update set next_at = greatest(t.next_at, $2) + $3
                returning next_at - $3
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = key });
            command.Parameters.Add(new NpgsqlParameter { Value = now });
            command.Parameters.Add(new NpgsqlParameter { Value = interval });
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(ct);
        do
        {
            while (await reader.ReadAsync(ct))
            {
                var turn = reader.GetFieldValue<DateTimeOffset>(0);
                if (turn > latest) latest = turn;
            }
        }
        while (await reader.NextResultAsync(ct));
        return latest;
    }

    /// <summary>Holds a queue until <paramref name="until"/> (Telegram's retry_after for a chat).</summary>
    public async Task PauseAsync(string key, DateTimeOffset until, CancellationToken ct)
    {
        await using var command = data.CreateCommand($"""
            insert into {Schema}.{TurnsTable} as t (key, next_at) values ($1, $2)
            on conflict (key) do update set next_at = greatest(t.next_at, $2)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = until });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Forgets windows and queues idle for longer than <paramref name="idle"/> (one row per client address would otherwise pile up).</summary>
    public async Task<int> PruneAsync(TimeSpan idle, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - idle;
        await using var batch = data.CreateBatch();
        foreach (var sql in new[] { $"delete from {Schema}.{CountersTable} where window_start < $1", $"delete from {Schema}.{TurnsTable} where next_at < $1" })
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = cutoff });
            batch.BatchCommands.Add(command);
        }
        return await batch.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>Every few hours, on every node (a delete twice is harmless): drops limit rows idle for two days, longer than any window.</summary>
public sealed class ClusterLimitsCleanup(ClusterLimits limits, Microsoft.Extensions.Logging.ILogger<ClusterLimitsCleanup> logger) : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not at start: the tables may not exist yet on a new database.
        using var timer = new PeriodicTimer(TimeSpan.FromHours(6));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await limits.PruneAsync(TimeSpan.FromDays(2), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, e, "Could not prune the cluster's limit rows; will try again");
            }
        }
    }
}
