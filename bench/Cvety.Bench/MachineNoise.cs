using System.Globalization;

namespace Cvety.Bench;

/// <summary>
/// What else ran on the machine during a phase that the benchmark does not control: the kernel's DAMON threads
/// (<c>kdamond</c>), which these VMs run to find and reclaim cold memory. Each of its passes takes CPU from everything
/// else for tens of milliseconds, so it shows in the tail latencies.
/// </summary>
public static class MachineNoise
{
    public sealed record Reading(double Seconds, double KdamondCpuMs, double? SampleIntervalMs);

    /// <summary>CPU time (user and system) that all kdamond threads have used so far, in milliseconds; 0 where there are none.</summary>
    public static double KdamondCpuMs()
    {
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var comm = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
                if (!comm.StartsWith("kdamond", StringComparison.Ordinal)) continue;
                // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return ticks * 10.0; // USER_HZ is 100 on Linux
    }

    /// <summary>DAMON's sampling interval, when a kdamond is configured through sysfs.</summary>
    public static double? SampleIntervalMs()
    {
        const string root = "/sys/kernel/mm/damon/admin/kdamonds";
        if (!Directory.Exists(root)) return null;
        var file = Directory.EnumerateFiles(root, "sample_us", SearchOption.AllDirectories).FirstOrDefault();
        return file is null ? null : long.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture) / 1000.0;
    }
}
