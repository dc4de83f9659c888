using System.Globalization;

namespace Cvety.Bench;

/// <summary>
/// What else ran on the machine during a phase that the benchmark does not control: the kernel's DAMON threads
/// (<c>kdamond</c>), which these VMs run to find and reclaim cold memory. Each of its passes takes CPU from everything
/// else for tens of milliseconds, so it shows in the tail latencies.
/// </summary>
public static class MachineNoise
{
    /// <summary>kdamond's CPU during a phase (from <see cref="CpuAccount"/>) and DAMON's sampling interval.</summary>
    public sealed record Reading(double Seconds, double KdamondCpuMs, double? SampleIntervalMs);

    /// <summary>DAMON's sampling interval, when a kdamond is configured through sysfs.</summary>
    public static double? SampleIntervalMs()
    {
        const string root = "/sys/kernel/mm/damon/admin/kdamonds";
        if (!Directory.Exists(root)) return null;
        var file = Directory.EnumerateFiles(root, "sample_us", SearchOption.AllDirectories).FirstOrDefault();
        return file is null ? null : long.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture) / 1000.0;
    }
}
