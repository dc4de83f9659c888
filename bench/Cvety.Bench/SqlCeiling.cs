using System.Globalization;
using System.Text;
using Npgsql;

namespace Cvety.Bench;

/// <summary>
/// PostgreSQL alone running the SQL of one of Cvety's operations, with no application in front of it: pgbench,
/// pipelined (one round trip per transaction), prepared statements, rows of the sizes Cvety writes. Any API that keeps
/// those writes in the same transactions can only be slower, so an operation's ratio to its ceiling says how much the
/// application adds. With a rate, pgbench schedules transactions at that total rate (<c>-R</c>) and each one's latency
/// counts from its scheduled start (<c>--diagnose</c> only).
/// </summary>
public static class SqlCeiling
{
    /// <summary>The tables an operation touches and, per operation, its statements (<c>:s</c> is a random existing row, <c>:r</c> a fresh number).</summary>
    public sealed record Workload(string Name, string Setup, string Operation);

    public sealed record Result(string Name, int Clients, double PerSecond, double LatencyMs, double P99Ms, double? PacedAt = null);

    /// <summary>A paced run's first seconds are left out of its tail: pgbench's new connections plan their statements then.</summary>
    public const int WarmUpSeconds = 2;

    private const string Tables = """
        create schema if not exists ceiling;
        drop table if exists ceiling.events, ceiling.streams, ceiling.details, ceiling.history, ceiling.deliveries, ceiling.products,
            ceiling.numbers, ceiling.tracking, ceiling.envelopes, ceiling.stock;
        create table ceiling.streams (id bigint primary key, version bigint not null);
        create table ceiling.events (seq bigserial primary key, stream bigint not null references ceiling.streams(id), version bigint not null,
            data jsonb not null, headers jsonb, unique (stream, version));
        create table ceiling.details (id bigint primary key, data jsonb not null, created_at timestamptz not null);
        create index on ceiling.details (created_at);
        create table ceiling.history (id bigint primary key, data jsonb not null);
        create table ceiling.deliveries (id text primary key, data jsonb not null);
        create table ceiling.products (id int primary key, data jsonb not null);
        create table ceiling.numbers (shop int primary key, last bigint not null);
        create table ceiling.tracking (id text primary key, data jsonb not null);
        create table ceiling.envelopes (id bigint primary key, body bytea not null, status text not null);
        create table ceiling.stock (id bigint primary key, data jsonb not null);
        insert into ceiling.streams select g, 2 from generate_series(1, 3000) g;
        insert into ceiling.details select g, jsonb_build_object('Id', g, 'Pad', repeat('x', 1400)), now() from generate_series(1, 3000) g;
        insert into ceiling.history select g, jsonb_build_object('Id', g, 'Pad', repeat('y', 900)) from generate_series(1, 3000) g;
        insert into ceiling.products select g, jsonb_build_object('Id', g, 'Pad', repeat('p', 700)) from generate_series(1, 100) g;
        insert into ceiling.numbers values (17008, 0);
        """;

    /// <summary>
    /// A Bitrix status change: look up the delivery, read the stream's version and events and the two read models, append
    /// the event, bump the version, rewrite both read models and record the delivery.
    /// </summary>
    public static readonly Workload StatusChange = new("a status change", Tables, """
        select id from ceiling.deliveries where id = 'k' || :s::text || '-' || :r::text;
        select version from ceiling.streams where id = :s;
        select data from ceiling.events where stream = :s;
        select data from ceiling.details where id = :s;
        select data from ceiling.history where id = :s;
        insert into ceiling.events (stream, version, data, headers) values (:s, (select version + 1 from ceiling.streams where id = :s), '{"OrderId": "01a2047d-e1f9-79fd-abf3-99ee16449413", "By": {"Source": "bitrix", "Actor": "bitrix-user:15"}, "Note": "Reported status code AP"}', '{"source": "bitrix"}');
        update ceiling.streams set version = version + 1 where id = :s;
        update ceiling.details set data = jsonb_set(data, '{Status}', to_jsonb(:r::bigint)) where id = :s;
        update ceiling.history set data = jsonb_set(data, '{Rows}', to_jsonb(:r::bigint)) where id = :s;
        insert into ceiling.deliveries values ('k' || :s::text || '-' || :r::text || '-' || :client_id::text, '{"Source": "bitrix-status", "Response": "{\"status\":\"success\",\"old_status\":\"new\",\"new_status\":\"accepted\"}"}') on conflict do nothing;
        """);

    /// <summary>
    /// Placing an order: read the product and the shop, take the shop's next order number, start the stream with its
    /// event, insert the order's read models and tracking lookup and the stock reservation's envelope; then, as the
    /// reservation's handler does in a transaction of its own, read the order and record the reservation and the
    /// envelope's end; and read the order back for the answer.
    /// </summary>
    public static readonly Workload PlaceOrder = new("placing an order", Tables, """
        select data from ceiling.products where id = 1 + :r % 100;
        select data from ceiling.details where id = :s;
        update ceiling.numbers set last = last + 1 where shop = 17008 returning last;
        insert into ceiling.streams values (:r::bigint * 1000 + :client_id, 1);
        insert into ceiling.events (stream, version, data, headers) values (:r::bigint * 1000 + :client_id, 1, jsonb_build_object('OrderId', :r::bigint, 'Pad', repeat('e', 1500)), '{"source": "admin"}');
        insert into ceiling.details values (:r::bigint * 1000 + :client_id, jsonb_build_object('Id', :r::bigint, 'Pad', repeat('x', 1400)), now());
        insert into ceiling.history values (:r::bigint * 1000 + :client_id, jsonb_build_object('Id', :r::bigint, 'Pad', repeat('y', 600)));
        insert into ceiling.tracking values ('t' || :r::text || '-' || :client_id::text, '{"ShopId": 17008}');
        insert into ceiling.envelopes values (:r::bigint * 1000 + :client_id, decode(repeat('ab', 300), 'hex'), 'Incoming');
        END;
        BEGIN;
        select data from ceiling.details where id = :r::bigint * 1000 + :client_id;
        insert into ceiling.stock values (:r::bigint * 1000 + :client_id, '{"Lines": []}');
        delete from ceiling.envelopes where id = :r::bigint * 1000 + :client_id;
        END;
        BEGIN;
        select data from ceiling.details where id = :r::bigint * 1000 + :client_id;
        """);

    public static async Task<Result> MeasureAsync(Workload workload, string binDirectory, string connectionString, int clients, int seconds, double? perSecond = null)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var setup = new NpgsqlCommand(workload.Setup, connection);
            await setup.ExecuteNonQueryAsync();
            await using var vacuum = new NpgsqlCommand("vacuum analyze ceiling.streams, ceiling.details, ceiling.history, ceiling.products", connection);
            await vacuum.ExecuteNonQueryAsync();
        }

        var script = new StringBuilder("\\set s random(1, 3000)\n\\set r random(1, 1000000000)\n\\startpipeline\nBEGIN;\n")
            .Append(workload.Operation).Append("\nEND;\n\\endpipeline\n").ToString();
        // Every transaction's latency goes to a log, for the tail as well as the mean.
        var logs = Directory.CreateTempSubdirectory("cvety-pgbench-");
        try
        {
            var prefix = Path.Combine(logs.FullName, "ceiling");
            string[] options = ["-M", "prepared", "-l", "--log-prefix", prefix];
            if (perSecond is { } rate) options = [.. options, "-R", rate.ToString("F0", CultureInfo.InvariantCulture)];
            var output = await PgBench.RunAsync(binDirectory, connectionString, clients, seconds, script, options);
            var logged = PgBench.LoggedLatenciesMs(prefix, perSecond is null ? 0 : WarmUpSeconds);
            var mean = perSecond is null ? PgBench.MeanLatencyMs(output) : logged.DefaultIfEmpty(double.NaN).Average();
            return new Result(workload.Name, clients, PgBench.TransactionsPerSecond(output), mean, Measure.Percentile(logged, 0.99), perSecond);
        }
        finally
        {
            logs.Delete(recursive: true);
        }
    }
}
