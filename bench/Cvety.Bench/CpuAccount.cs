using System.Globalization;

namespace Cvety.Bench;

/// <summary>
/// Where the machine's CPU went during a phase, by process, from <c>/proc</c>: the API, PostgreSQL (every process named
/// <c>postgres</c>), this bench (the HTTP senders), kdamond, and the rest; plus the time no core had work. On these
/// 2-core machines all of them share the same two cores, so a phase's tail depends on how close their sum comes to two.
/// It also counts the inter-processor interrupts of the phase, from <c>/proc/interrupts</c>: rescheduling (a thread woken
/// on the other core) and function calls (Linux also wakes a thread on an idle core through one, and flushes TLBs through
/// them). On this paravirtualized guest an interrupt is costly.
/// </summary>
public static class CpuAccount
{
    /// <summary>CPU used so far by each process of interest (by pid, so one that ends between two snapshots is left out, not subtracted).</summary>
    public sealed record Snapshot(long Stamp, IReadOnlyDictionary<int, (Kind Kind, double Ms)> Processes, double BusyMs, double IdleMs, long WakeIpis, long CallIpis);

    public enum Kind { Api, Postgres, PostgresUpkeep, Bench, Kdamond }

    /// <summary>
    /// CPU milliseconds per operation of a phase, by process; Idle is the machine's idle time per operation. PostgresUpkeepMs
    /// is the part of PostgresMs spent outside the backends that serve clients (WAL writer, checkpointer, autovacuum...).
    /// </summary>
    public sealed record Use(int Operations, double Seconds, double ApiMs, double PostgresMs, double PostgresUpkeepMs, double BenchMs, double KdamondMs, double OtherMs, double IdleMs)
    {
        /// <summary>Rescheduling interrupts per operation: wake-ups of a thread on the other core.</summary>
        public double WakeIpis { get; init; }

        /// <summary>Function-call interrupts per operation: mostly wake-ups of a thread on an idle core, and TLB flushes.</summary>
        public double CallIpis { get; init; }

        /// <summary>The share of the machine's cores that were busy during the phase.</summary>
        public double Busy => (ApiMs + PostgresMs + BenchMs + KdamondMs + OtherMs) / (ApiMs + PostgresMs + BenchMs + KdamondMs + OtherMs + IdleMs);
    }

    public static Snapshot Take(int apiPid)
    {
        var processes = new Dictionary<int, (Kind, double)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                var comm = stat[(open + 1)..close];
                Kind? kind = pid == apiPid ? Kind.Api
                    : pid == Environment.ProcessId ? Kind.Bench
                    // A backend serving a client is titled "postgres: user database host(port) state"; the rest is upkeep.
                    : comm == "postgres" ? File.ReadAllText(Path.Combine(dir, "cmdline")).Contains('(') ? Kind.Postgres : Kind.PostgresUpkeep
                    : comm.StartsWith("kdamond", StringComparison.Ordinal) ? Kind.Kdamond
                    : null;
                if (kind is null) continue;
                // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15 (USER_HZ ticks).
                var fields = stat[(close + 2)..].Split(' ');
                processes[pid] = (kind.Value, (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            catch (FormatException) { }
        }
        // The first line of /proc/stat: user nice system idle iowait irq softirq steal, in USER_HZ ticks, all cores.
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(x => long.Parse(x, CultureInfo.InvariantCulture) * 10.0).ToArray();
        var idle = cpu[3] + cpu[4];
        var (wake, calls) = Interrupts();
        return new Snapshot(System.Diagnostics.Stopwatch.GetTimestamp(), processes, cpu.Sum() - idle, idle, wake, calls);
    }

    /// <summary>
    /// The x86 rescheduling ("RES:") and function-call ("CAL:") lines of one read of /proc/interrupts, each summed over
    /// the cores; 0 for a line that is not there.
    /// </summary>
    private static (long Wake, long Calls) Interrupts()
    {
        try
        {
            long wake = 0, calls = 0;
            foreach (var fields in File.ReadLines("/proc/interrupts").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            {
                if (fields.Length == 0 || fields[0] is not ("RES:" or "CAL:")) continue;
                var total = fields.Skip(1).TakeWhile(f => f.All(char.IsAsciiDigit)).Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
                if (fields[0] == "RES:") wake = total;
                else calls = total;
            }
            return (wake, calls);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    public static Use Between(Snapshot before, Snapshot after, int operations)
    {
        double Per(double ms) => ms / Math.Max(1, operations);
        double Used(params Kind[] kinds) => after.Processes.Where(p => kinds.Contains(p.Value.Kind))
            .Sum(p => p.Value.Ms - (before.Processes.TryGetValue(p.Key, out var was) ? was.Ms : 0));
        var api = Used(Kind.Api);
        var postgres = Used(Kind.Postgres, Kind.PostgresUpkeep);
        var bench = Used(Kind.Bench);
        var kdamond = Used(Kind.Kdamond);
        var other = Math.Max(0, after.BusyMs - before.BusyMs - api - postgres - bench - kdamond);
        return new Use(operations, System.Diagnostics.Stopwatch.GetElapsedTime(before.Stamp, after.Stamp).TotalSeconds,
            Per(api), Per(postgres), Per(Used(Kind.PostgresUpkeep)), Per(bench), Per(kdamond), Per(other), Per(after.IdleMs - before.IdleMs))
        {
            WakeIpis = Per(after.WakeIpis - before.WakeIpis),
            CallIpis = Per(after.CallIpis - before.CallIpis),
        };
    }
}
