using System.Globalization;
using System.Text;
using Npgsql;

namespace Cvety.Bench;

/// <summary>
/// PostgreSQL alone doing the SQL of a Bitrix status change, with no application in front of it: look up the delivery,
/// read the stream's version and events and the two read models, then append the event, bump the stream's version,
/// rewrite both read models (rows of the same sizes as an order's) and record the delivery. pgbench runs it pipelined
/// (one round trip per transaction), either one change per transaction or several, as group commit does.
/// Any API that keeps those writes in one transaction can only be slower than this.
/// With a rate, pgbench schedules the transactions at that total rate (<c>-R</c>) and each one's latency counts from its
/// scheduled start, as in the paced HTTP phase: the best tail any API could have at that load on this machine.
/// </summary>
public static class StatusChangeCeiling
{
    /// <summary>
    /// A paced run's first seconds are left out of its tail: each of pgbench's 32 new connections plans its statements
    /// and loads its caches on its first transactions, which at this rate held the schedule back by 0.3-0.5 s (by hand:
    /// p99 over 10 s 260-470 ms; without the first 2 s, 6-8 ms). The API's connections are pooled and warm.
    /// </summary>
    public const int WarmUpSeconds = 2;

    public sealed record Result(int Clients, int ChangesPerTransaction, double ChangesPerSecond, double LatencyMs, double P99Ms, double? PacedAt = null);

    public static async Task<Result> MeasureAsync(string binDirectory, string connectionString, int clients, int changesPerTransaction, int seconds, double? perSecond = null)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var setup = new NpgsqlCommand("""
                create schema if not exists ceiling;
                drop table if exists ceiling.events, ceiling.streams, ceiling.details, ceiling.history, ceiling.deliveries;
                create table ceiling.streams (id int primary key, version bigint not null);
                create table ceiling.events (seq bigserial primary key, stream int not null references ceiling.streams(id), version bigint not null,
                    data jsonb not null, headers jsonb, unique (stream, version));
                create table ceiling.details (id int primary key, data jsonb not null, created_at timestamptz not null);
                create index on ceiling.details (created_at);
                create table ceiling.history (id int primary key, data jsonb not null);
                create table ceiling.deliveries (id text primary key, data jsonb not null);
                insert into ceiling.streams select g, 2 from generate_series(1, 3000) g;
                insert into ceiling.details select g, jsonb_build_object('Id', g, 'Pad', repeat('x', 1400)), now() from generate_series(1, 3000) g;
                insert into ceiling.history select g, jsonb_build_object('Id', g, 'Pad', repeat('y', 900)) from generate_series(1, 3000) g;
                """, connection);
            await setup.ExecuteNonQueryAsync();
            await using var vacuum = new NpgsqlCommand("vacuum analyze ceiling.streams, ceiling.details, ceiling.history", connection);
            await vacuum.ExecuteNonQueryAsync();
        }

        var script = new StringBuilder();
        for (var i = 0; i < changesPerTransaction; i++) script.Append($"\\set s{i} random(1, 3000)\n\\set r{i} random(1, 1000000000)\n");
        script.Append("\\startpipeline\nBEGIN;\n");
        for (var i = 0; i < changesPerTransaction; i++)
            script.Append($$"""
                select id from ceiling.deliveries where id = 'k' || :s{{i}}::text || '-' || :r{{i}}::text;
                select version from ceiling.streams where id = :s{{i}};
                select data from ceiling.events where stream = :s{{i}};
                select data from ceiling.details where id = :s{{i}};
                select data from ceiling.history where id = :s{{i}};
                insert into ceiling.events (stream, version, data, headers) values (:s{{i}}, (select version + 1 from ceiling.streams where id = :s{{i}}), '{"OrderId": "01a2047d-e1f9-79fd-abf3-99ee16449413", "By": {"Source": "bitrix", "Actor": "bitrix-user:15"}, "Note": "Reported status code AP"}', '{"source": "bitrix"}');
                update ceiling.streams set version = version + 1 where id = :s{{i}};
                update ceiling.details set data = jsonb_set(data, '{Status}', to_jsonb(:r{{i}}::bigint)) where id = :s{{i}};
                update ceiling.history set data = jsonb_set(data, '{Rows}', to_jsonb(:r{{i}}::bigint)) where id = :s{{i}};
                insert into ceiling.deliveries values ('k' || :s{{i}}::text || '-' || :r{{i}}::text || '-' || :client_id::text, '{"Source": "bitrix-status", "Response": "{\"status\":\"success\",\"old_status\":\"new\",\"new_status\":\"accepted\"}"}') on conflict do nothing;

                """);
        script.Append("END;\n\\endpipeline\n");
        // Every transaction's latency goes to a log, for the tail as well as the mean.
        var logs = Directory.CreateTempSubdirectory("cvety-pgbench-");
        try
        {
            var prefix = Path.Combine(logs.FullName, "ceiling");
            string[] options = ["-M", "prepared", "-l", "--log-prefix", prefix];
            if (perSecond is { } rate) options = [.. options, "-R", (rate / changesPerTransaction).ToString("F0", CultureInfo.InvariantCulture)];
            var output = await PgBench.RunAsync(binDirectory, connectionString, clients, seconds, script.ToString(), options);
            // Paced: the mean of the logged latencies after the warm-up, since pgbench's own average includes it.
            var logged = PgBench.LoggedLatenciesMs(prefix, perSecond is null ? 0 : WarmUpSeconds);
            var mean = perSecond is null ? PgBench.MeanLatencyMs(output) : logged.DefaultIfEmpty(double.NaN).Average();
            return new Result(clients, changesPerTransaction, PgBench.TransactionsPerSecond(output) * changesPerTransaction, mean, Measure.Percentile(logged, 0.99), perSecond);
        }
        finally
        {
            logs.Delete(recursive: true);
        }
    }
}
