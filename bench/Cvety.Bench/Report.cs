using System.Globalization;
using System.Text;

namespace Cvety.Bench;

public static class Report
{
    public static string Write(IReadOnlyList<Result> results, IReadOnlyList<double> pg1Samples, double pg8, double pg32, IReadOnlyList<StatusChangeCeiling.Result> ceiling, MachineNoise.Reading? noise, IReadOnlyList<(string Phase, CpuAccount.Use Use)> cpu, bool quick, CatalogResults catalog, IReadOnlyList<string> pgSettings)
    {
        var pg1 = PgBench.Median(pg1Samples);
        string F(double v, string format = "F0") => v.ToString(format, CultureInfo.InvariantCulture);
        double Limit(int concurrency) => concurrency switch { 1 => pg1, <= 8 => pg8, _ => pg32 };
        var paced = results.FirstOrDefault(r => r.Concurrency == 32 && r.Name.StartsWith("Bitrix status webhook, a real change, paced", StringComparison.Ordinal));

        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine("Written by `bench/run.sh` (one command; about eight minutes). Do not edit by hand: run it again.");
        text.AppendLine();
        text.AppendLine($"Run: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(quick ? "quick mode (fewer operations)" : "full mode")}.");
        text.AppendLine("The API runs as its own process (Release, Production settings, logs at Warning) on a loopback port; the");
        text.AppendLine("load comes over real HTTP from this process; both share the machine with PostgreSQL 15 (default settings");
        text.AppendLine($"except {string.Join(", ", pgSettings.Select(line => "`" + line + "`"))}, see docs/decisions/0011; a throwaway cluster started for the run).");
        text.AppendLine();
        text.AppendLine("## The limit: PostgreSQL itself, measured in the same run");
        text.AppendLine();
        text.AppendLine("pgbench, one single-row INSERT of a jsonb document per transaction, against the same cluster:");
        text.AppendLine();
        text.AppendLine("| clients | transactions/s |");
        text.AppendLine("|---:|---:|");
        text.AppendLine($"| 1 | {F(pg1)} (median of {string.Join(", ", pg1Samples.Select(x => F(x)))}) |");
        text.AppendLine($"| 8 | {F(pg8)} |");
        text.AppendLine($"| 32 | {F(pg32)} |");
        text.AppendLine();
        text.AppendLine("The 1-client rate follows the disk's flush latency, which swings by up to a factor of two from minute to minute");
        text.AppendLine("on these machines, so it is measured three times: at the start (10 s), and right before and right after the");
        text.AppendLine("32-sender status webhook phase (5 s each). Ratios to it use the median.");
        text.AppendLine();
        if (ceiling.Count > 0)
        {
            text.AppendLine("PostgreSQL alone doing the SQL of one Bitrix status change, with no application in front: look up the delivery,");
            text.AppendLine("read the stream's version and events and both read models, append the event, bump the stream's version, rewrite both");
            text.AppendLine("read models (rows of an order's sizes) and record the delivery; pgbench, pipelined, prepared statements. An API that");
            text.AppendLine("keeps these writes in one transaction per change or per group can only be slower (`StatusChangeCeiling.cs`):");
            text.AppendLine();
            text.AppendLine("| changes per transaction | clients | changes/s | ms per transaction (mean) | ms per transaction (p99) |");
            text.AppendLine("|---:|---:|---:|---:|---:|");
            foreach (var c in ceiling)
                text.AppendLine($"| {c.ChangesPerTransaction} | {c.Clients}{(c.PacedAt is { } at ? $", paced at {F(at)}/s" : "")} | {F(c.ChangesPerSecond)} | {F(c.LatencyMs, "F1")} | {F(c.P99Ms, "F1")} |");
            text.AppendLine();
            if (ceiling.Any(c => c.PacedAt is not null))
            {
                text.AppendLine("The paced row is pgbench at the webhook's target rate (`-R`), each transaction's latency counted from its scheduled");
                text.AppendLine($"start, without the first {StatusChangeCeiling.WarmUpSeconds} s, in which pgbench's 32 new connections plan their statements: the tail that");
                text.AppendLine("PostgreSQL alone has at that load on this machine, next to the paced HTTP row below.");
                text.AppendLine();
            }
        }
        text.AppendLine("## Cvety over HTTP");
        text.AppendLine();
        text.AppendLine("Ratio = Cvety's operations/s divided by pgbench's transactions/s at the same number of clients (1, 8, or 32).");
        text.AppendLine("Each operation is one HTTP request, authenticated with a JWT, validated, decided on the aggregate and committed");
        text.AppendLine("(events, inline projections, lookups) in one PostgreSQL transaction; writes also read the updated order back.");
        text.AppendLine();
        text.AppendLine("The 32-sender status webhook phase runs after a warm-up of the same kind at the same load, which is not reported.");
        if (noise is not null && noise.KdamondCpuMs > 0)
        {
            text.AppendLine($"During its {F(noise.Seconds, "F1")} s, the kernel's memory-reclaim scanner (kdamond, DAMON sampling every");
            text.AppendLine($"{(noise.SampleIntervalMs is { } ms ? F(ms) : "?")} ms on these VMs) used {F(noise.KdamondCpuMs)} ms of CPU in bursts of tens of milliseconds, taken from");
            text.AppendLine("every other process on the machine (see docs/decisions/0009).");
        }
        if (paced is not null)
        {
            text.AppendLine();
            text.AppendLine("Every other row is a closed loop: each sender sends its next call as soon as it has an answer, so the phase runs");
            text.AppendLine("as fast as the machine allows, and at 32 senders the mean latency is 32 divided by the throughput. The paced row");
            text.AppendLine("asks the same 32 senders for exactly the target's rate instead (30% of the 1-client rate, calls scheduled at fixed");
            text.AppendLine("times and dealt to the senders in turn), and counts each call's latency from its scheduled time, so a stall also");
            text.AppendLine("counts against the calls it delayed.");
        }
        text.AppendLine();
        text.AppendLine("| operation | concurrent | operations | failed | ops/s | p50 ms | p99 ms | ratio to PostgreSQL limit |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            text.AppendLine($"| {r.Name} | {r.Concurrency} | {r.Operations} | {r.Failures} | {F(r.PerSecond)} | {F(r.P50Ms, "F2")} | {F(r.P99Ms, "F2")} | {F(r.PerSecond / Limit(r.Concurrency), "P0")} |");
        text.AppendLine();
        if (cpu.Count > 0)
        {
            text.AppendLine("Where the machine's CPU went during the 32-sender status webhook phases, in milliseconds per change, from `/proc`");
            text.AppendLine("(`CpuAccount.cs`): the API process, PostgreSQL (backends and upkeep), the bench's senders (one keep-alive connection");
            text.AppendLine("and one thread each, `BlockingHttp.cs`), kdamond and everything else; idle is the time no core had work. Changes");
            text.AppendLine("per commit is the mean size of the group-commit batches, from the API's `cvety_status_webhook_batch_size` metric.");
            text.AppendLine("The last two columns count inter-processor interrupts per change, from `/proc/interrupts`: a thread woken on the other");
            text.AppendLine("core (`RES`), and function calls (`CAL`), which are mostly wake-ups of a thread on an idle core too, and TLB flushes.");
            text.AppendLine();
            text.AppendLine("| phase | API | PostgreSQL | senders | kdamond | other | idle | cores busy | changes per commit | wake-up IPIs | call IPIs |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (phase, use) in cpu)
                text.AppendLine($"| {phase} | {F(use.ApiMs, "F2")} | {F(use.PostgresMs, "F2")} | {F(use.BenchMs, "F2")} | {F(use.KdamondMs, "F2")} | {F(use.OtherMs, "F2")} | {F(use.IdleMs, "F2")} | {F(use.Busy, "P0")} | {F(use.BatchSize, "F1")} | {F(use.WakeIpis, "F2")} | {F(use.CallIpis, "F2")} |");
            text.AppendLine();
        }

        text.AppendLine($"## Catalog search over {catalog.Products} products of one shop");
        text.AppendLine();
        text.AppendLine($"Built through the API before measuring: {catalog.Products} products, each with its own photo; {catalog.Indexed} photo vectors indexed");
        text.AppendLine("(offline pixel descriptor, 512 dimensions). Text search: Russian full-text plus trigram similarity in PostgreSQL, 20 results,");
        text.AppendLine("eight queries in turn, two of them misspelled. Photo search: a recompressed, smaller copy of a catalog photo, 10 results.");
        text.AppendLine("Between seeding and measuring, the bench runs `vacuum (analyze)`, so that PostgreSQL's upkeep of the seeding burst");
        text.AppendLine("(autovacuum, statistics) does not land in the middle of the measurement.");
        text.AppendLine();
        text.AppendLine("| operation | concurrent | operations | failed | ops/s | p50 ms | p99 ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in catalog.Results)
            text.AppendLine($"| {r.Name} | {r.Concurrency} | {r.Operations} | {r.Failures} | {F(r.PerSecond)} | {F(r.P50Ms, "F2")} | {F(r.P99Ms, "F2")} |");
        text.AppendLine();
        text.AppendLine($"Photo search as the server times it ({catalog.Photo.Samples} searches), without the embedding: the in-memory SIMD scan of every");
        text.AppendLine($"vector of the shop and the assembly of the results (names and prices are kept in the index), p50 {F(catalog.Photo.SearchP50Ms, "F2")} ms,");
        text.AppendLine($"p99 {F(catalog.Photo.SearchP99Ms, "F2")} ms. The offline embedding of the uploaded photo itself took p50 {F(catalog.Photo.EmbeddingP50Ms, "F2")} ms.");
        text.AppendLine();
        var text1 = catalog.Results.FirstOrDefault(r => r.Concurrency == 1 && r.Name.StartsWith("Text search", StringComparison.Ordinal));

        // The Bitrix issue's target: at 32 concurrent senders, at least 30% of PostgreSQL's single-insert rate, p99 under 25 ms.
        var webhook = results.FirstOrDefault(r => r.Concurrency == 32 && r.Name.StartsWith("Bitrix status webhook, a real change (", StringComparison.Ordinal));
        text.AppendLine("## Targets");
        text.AppendLine();
        text.AppendLine("| target | measured | met |");
        text.AppendLine("|---|---:|---|");
        if (text1 is not null)
            text.AppendLine($"| text search over {catalog.Products} products: p99 under 20 ms (1 client, over HTTP) | {F(text1.P99Ms, "F1")} ms | {(text1.P99Ms < 20 ? "yes" : "no")} |");
        text.AppendLine($"| photo search over {catalog.Indexed} vectors: p99 under 5 ms, excluding the embedding call | {F(catalog.Photo.SearchP99Ms, "F2")} ms | {(catalog.Photo.SearchP99Ms < 5 ? "yes" : "no")} |");
        if (webhook is not null)
        {
            text.AppendLine($"| Bitrix status webhook (real changes), 32 senders: >= 30% of the 1-client single-insert rate ({F(pg1)}/s) | {F(webhook.PerSecond / pg1, "P0")} | {(webhook.PerSecond >= Program.TargetShare * pg1 ? "yes" : "no")} |");
            text.AppendLine($"| the same, against the 32-client rate ({F(pg32)}/s) | {F(webhook.PerSecond / pg32, "P0")} | {(webhook.PerSecond >= Program.TargetShare * pg32 ? "yes" : "no")} |");
            text.AppendLine($"| its p99 under 25 ms (closed loop, at the throughput above) | {F(webhook.P99Ms, "F1")} ms | {(webhook.P99Ms < 25 ? "yes" : "no")} |");
        }
        if (paced is not null)
            text.AppendLine($"| p99 under 25 ms with the 32 senders paced at the target's rate ({F(paced.PerSecond)}/s done, {F(paced.PerSecond / pg1, "P0")}) | {F(paced.P99Ms, "F1")} ms | {(paced.P99Ms < 25 ? "yes" : "no")} |");
        text.AppendLine();
        return text.ToString();
    }
}
