using System.Diagnostics;

namespace Cvety.Bench;

public sealed record Result(string Name, int Concurrency, int Operations, int Failures, double Seconds, double P50Ms, double P99Ms)
{
    public double PerSecond => Operations / Seconds;
}

public static class Measure
{
    /// <summary>
    /// Runs <paramref name="operations"/> calls of <paramref name="call"/> (given the operation's index) from
    /// <paramref name="concurrency"/> workers, and reports throughput and latency percentiles. Bounded by count and time.
    /// With <paramref name="blocking"/>, each worker is a thread of its own and the calls block it (<see cref="BlockingHttp"/>).
    /// </summary>
    public static async Task<Result> RunAsync(string name, int concurrency, int operations, Func<int, Task<bool>> call, TimeSpan? limit = null, bool blocking = false)
    {
        var latencies = new double[operations];
        var failures = 0;
        var next = -1;
        var deadline = Stopwatch.GetTimestamp() + (long)((limit ?? TimeSpan.FromMinutes(2)).TotalSeconds * Stopwatch.Frequency);
        var done = 0;
        var started = Stopwatch.GetTimestamp();
        await Workers(concurrency, blocking, async _ =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= operations || Stopwatch.GetTimestamp() > deadline) return;
                var t = Stopwatch.GetTimestamp();
                var ok = await call(i);
                latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                if (!ok) Interlocked.Increment(ref failures);
                Interlocked.Increment(ref done);
            }
        });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var measured = latencies.Take(done).Order().ToArray();
        return new Result(name, concurrency, done, failures, seconds, Percentile(measured, 0.50), Percentile(measured, 0.99));
    }

    /// <summary>
    /// Open loop: <paramref name="operations"/> calls scheduled at a fixed total rate of <paramref name="perSecond"/>,
    /// dealt in turn to <paramref name="senders"/> concurrent senders. Each call's latency counts from the moment it was
    /// scheduled, not from when its sender got to it, so a stall also counts against the calls it delayed (no
    /// coordinated omission). Throughput is what completed over the time it took.
    /// </summary>
    public static async Task<Result> PacedAsync(string name, int senders, double perSecond, int operations, Func<int, Task<bool>> call, bool blocking = false)
    {
        var latencies = new double[operations];
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        long Scheduled(int i) => started + (long)(i / perSecond * Stopwatch.Frequency);
        await Workers(senders, blocking, async sender =>
        {
            for (var i = sender; i < operations; i += senders)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), Scheduled(i));
                if (wait > TimeSpan.Zero && blocking) Thread.Sleep(wait);
                else if (wait > TimeSpan.Zero) await Task.Delay(wait);
                var ok = await call(i);
                latencies[i] = Stopwatch.GetElapsedTime(Scheduled(i)).TotalMilliseconds;
                if (!ok) Interlocked.Increment(ref failures);
            }
        });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var measured = latencies.Order().ToArray();
        return new Result(name, senders, operations, failures, seconds, Percentile(measured, 0.50), Percentile(measured, 0.99));
    }

    /// <summary>
    /// Starts the workers: as tasks on the thread pool, or each on a thread of its own, where a call that completes
    /// synchronously keeps the worker on that thread.
    /// </summary>
    private static Task Workers(int count, bool blocking, Func<int, Task> worker) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(w => blocking
            ? Task.Factory.StartNew(() => worker(w), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()
            : worker(w)));

    /// <summary>The nearest-rank percentile of values sorted ascending; NaN when there are none.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
