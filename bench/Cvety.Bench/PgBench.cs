using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Cvety.Bench;

/// <summary>
/// PostgreSQL's own ceiling on this machine: pgbench, one single-row INSERT of a jsonb document per transaction,
/// the local cluster's settings (ADR 0011), against the same cluster the API uses. No HTTP call that appends an event can beat it.
/// </summary>
public static partial class PgBench
{
    public static async Task<double> InsertsPerSecondAsync(string binDirectory, string connectionString, int clients, int seconds)
    {
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("create table if not exists bench_insert (id bigserial primary key, data jsonb not null)", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        var output = await RunAsync(binDirectory, connectionString, clients, seconds,
            "insert into bench_insert (data) values ('{\"order\": \"#00001\", \"status\": \"accepted\", \"by\": {\"source\": \"admin\"}}');\n");
        return TransactionsPerSecond(output);
    }

    /// <summary>Runs pgbench with a script for a number of seconds and gives back what it printed.</summary>
    public static async Task<string> RunAsync(string binDirectory, string connectionString, int clients, int seconds, string script, params string[] options)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, script);
        try
        {
            var psi = new ProcessStartInfo(Path.Combine(binDirectory, "pgbench"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["PGPASSWORD"] = cs.Password },
            };
            foreach (var a in options.Concat(["-n", "-h", cs.Host!, "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username!, "-c", clients.ToString(CultureInfo.InvariantCulture),
                         "-j", Math.Min(clients, 2).ToString(CultureInfo.InvariantCulture), "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", file, cs.Database!]))
                psi.ArgumentList.Add(a);
            using var process = Process.Start(psi)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static double TransactionsPerSecond(string output) => Number(Tps(), output);

    /// <summary>
    /// The transaction latencies pgbench wrote with <c>-l --log-prefix</c> (third column, microseconds), over every log
    /// file that starts with the prefix, sorted ascending. Under <c>-R</c> a seventh column holds how late the transaction
    /// started after its scheduled time; it is added, so the latency counts from the schedule. Transactions that finished
    /// within <paramref name="skipSeconds"/> of the first one are left out (the new connections' first statements).
    /// </summary>
    public static double[] LoggedLatenciesMs(string logPrefix, double skipSeconds)
    {
        var folder = Path.GetDirectoryName(logPrefix)!;
        var logged = Directory.GetFiles(folder, Path.GetFileName(logPrefix) + "*")
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length > 5)
            .Select(fields => (
                Finished: long.Parse(fields[4], CultureInfo.InvariantCulture) + long.Parse(fields[5], CultureInfo.InvariantCulture) / 1e6,
                Ms: (double.Parse(fields[2], CultureInfo.InvariantCulture) + (fields.Length > 6 ? double.Parse(fields[6], CultureInfo.InvariantCulture) : 0)) / 1000))
            .ToArray();
        if (logged.Length == 0) return [];
        var from = logged.Min(x => x.Finished) + skipSeconds;
        return logged.Where(x => x.Finished >= from).Select(x => x.Ms).Order().ToArray();
    }

    public static double MeanLatencyMs(string output) => Number(Latency(), output);

    private static double Number(Regex pattern, string output)
    {
        var match = pattern.Match(output);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException("pgbench said: " + output);
    }

    /// <summary>The middle one of a few samples (the upper middle for an even count).</summary>
    public static double Median(IReadOnlyList<double> samples) => samples.Order().ElementAt(samples.Count / 2);

    /// <summary>pgbench sits beside initdb; follow a symlinked initdb to the real folder.</summary>
    public static string BinDirectory(string found)
    {
        var initdb = new FileInfo(Path.Combine(found, "initdb"));
        var real = initdb.ResolveLinkTarget(returnFinalTarget: true);
        return real is null ? found : Path.GetDirectoryName(real.FullName)!;
    }

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex Latency();
}
