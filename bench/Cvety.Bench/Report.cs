using System.Globalization;
using System.Text;

namespace Cvety.Bench;

public static class Report
{
    public static string Write(IReadOnlyList<Result> results, IReadOnlyList<double> pg1Samples, double pg8, double pg32, IReadOnlyList<SqlCeiling.Result> ceiling,
        MachineNoise.Reading? noise, IReadOnlyList<(string Phase, CpuAccount.Use Use)> cpu, bool quick, CatalogResults catalog, BoardResults board, IReadOnlyList<string> pgSettings, TimeSpan elapsed,
        ImportResults? import = null)
    {
        var pg1 = PgBench.Median(pg1Samples);
        string F(double v, string format = "F0") => v.ToString(format, CultureInfo.InvariantCulture);
        double Limit(int concurrency) => concurrency switch { 1 => pg1, <= 8 => pg8, _ => pg32 };
        SqlCeiling.Result? CeilingOf(string operation) => ceiling.FirstOrDefault(c => c.PacedAt is null && c.Name == operation);
        string OwnRatio(Result r)
        {
            if (r.Concurrency != 32) return "";
            var own = r.Name.StartsWith("Place an order", StringComparison.Ordinal) ? CeilingOf(SqlCeiling.PlaceOrder.Name)
                : r.Name.StartsWith("Change a status", StringComparison.Ordinal) || r.Name.StartsWith("Bitrix status webhook, a real change (", StringComparison.Ordinal) ? CeilingOf(SqlCeiling.StatusChange.Name)
                : null;
            return own is null ? "" : F(r.PerSecond / own.PerSecond, "P0");
        }

        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine($"Written by `bench/run.sh` (one command; this run took {F(elapsed.TotalMinutes, "F1")} minutes). Do not edit by hand: run it again.");
        text.AppendLine("`bench/run.sh --diagnose` adds the instruments for chasing a figure (CPU per process, interrupts, kdamond, a paced");
        text.AppendLine("phase); `--webhook-only` measures the status webhook alone and prints it.");
        text.AppendLine();
        text.AppendLine($"Run: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(quick ? "quick mode (fewer operations)" : "full mode")}.");
        text.AppendLine("The API runs as its own process (Release, Production settings, logs at Warning) on a loopback port; the");
        text.AppendLine("load comes over real HTTP from this process; both share the machine with PostgreSQL (default settings");
        text.AppendLine($"except {string.Join(", ", pgSettings.Select(line => "`" + line + "`"))}, see docs/decisions/0011; a throwaway cluster started for the run).");
        text.AppendLine("These 2-core VMs are noisy: compare medians of several runs, not one run's tail.");
        text.AppendLine();
        text.AppendLine("## The limits: PostgreSQL itself, measured in the same run");
        text.AppendLine();
        text.AppendLine("pgbench, one single-row INSERT of a jsonb document per transaction, against the same cluster:");
        text.AppendLine();
        text.AppendLine("| clients | transactions/s |");
        text.AppendLine("|---:|---:|");
        text.AppendLine($"| 1 | {F(pg1)} (median of {string.Join(", ", pg1Samples.Select(x => F(x)))}) |");
        text.AppendLine($"| 8 | {F(pg8)} |");
        text.AppendLine($"| 32 | {F(pg32)} |");
        text.AppendLine();
        text.AppendLine("The 1-client rate follows the disk's flush latency, which swings from minute to minute on these machines, so it is");
        text.AppendLine("measured three times (at the start, and before and after the 32-sender webhook phase); ratios to it use the median.");
        text.AppendLine("The 32-sender webhook phase is measured after a warm-up of its own at that load, so that it measures the API's steady");
        text.AppendLine("state, not how soon the JIT finishes recompiling the hot path.");
        text.AppendLine();
        if (ceiling.Count > 0)
        {
            text.AppendLine("PostgreSQL alone running the SQL of an operation, with no application in front (`SqlCeiling.cs`: pgbench, pipelined,");
            text.AppendLine("prepared statements, rows of the sizes Cvety writes). A status change: look up the delivery, read the stream's version and");
            text.AppendLine("events and both read models, append the event, bump the version, rewrite both read models, record the delivery. Placing");
            text.AppendLine("an order: read the product and the shop, take the next order number, start the stream, insert the read models, the");
            text.AppendLine("tracking lookup and the reservation's envelope; then the reservation's own transaction; then the read-back.");
            text.AppendLine();
            text.AppendLine("| SQL of | clients | operations/s | ms each (mean) | ms each (p99) |");
            text.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var c in ceiling)
                text.AppendLine($"| {c.Name} | {c.Clients}{(c.PacedAt is { } at ? $", paced at {F(at)}/s" : "")} | {F(c.PerSecond)} | {F(c.LatencyMs, "F1")} | {F(c.P99Ms, "F1")} |");
            text.AppendLine();
        }
        text.AppendLine("## Cvety over HTTP");
        text.AppendLine();
        text.AppendLine("Each operation is one HTTP request, authenticated with a JWT (whose session is checked in PostgreSQL), validated,");
        text.AppendLine("decided on the aggregate and committed (events, inline projections, lookups) in one PostgreSQL transaction; writes");
        text.AppendLine("also read the updated order back. Ratio to the insert limit = operations/s divided by pgbench's single-insert rate at");
        text.AppendLine("the same number of clients; ratio to its own SQL = operations/s divided by the ceiling above for that operation.");
        text.AppendLine();
        text.AppendLine("| operation | concurrent | operations | failed | ops/s | p50 ms | p99 ms | ratio to the insert limit | ratio to its own SQL |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            text.AppendLine($"| {r.Name} | {r.Concurrency} | {r.Operations} | {r.Failures} | {F(r.PerSecond)} | {F(r.P50Ms, "F2")} | {F(r.P99Ms, "F2")} | {F(r.PerSecond / Limit(r.Concurrency), "P0")} | {OwnRatio(r)} |");
        text.AppendLine();
        if (cpu.Count > 0)
        {
            text.AppendLine("Where the machine's CPU went during the write phases (`--diagnose`), in milliseconds per operation,");
            text.AppendLine("from `/proc` (`CpuAccount.cs`), with inter-processor interrupts per operation from `/proc/interrupts`.");
            if (noise is not null && noise.KdamondCpuMs > 0)
                text.AppendLine($"During the closed-loop phase ({F(noise.Seconds, "F1")} s) kdamond used {F(noise.KdamondCpuMs)} ms of CPU (DAMON sampling every {(noise.SampleIntervalMs is { } ms ? F(ms) : "?")} ms).");
            text.AppendLine();
            text.AppendLine("| phase | API | PostgreSQL | senders | kdamond | other | idle | cores busy | wake-up IPIs | call IPIs |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (phase, use) in cpu)
                text.AppendLine($"| {phase} | {F(use.ApiMs, "F2")} | {F(use.PostgresMs, "F2")} | {F(use.BenchMs, "F2")} | {F(use.KdamondMs, "F2")} | {F(use.OtherMs, "F2")} | {F(use.IdleMs, "F2")} | {F(use.Busy, "P0")} | {F(use.WakeIpis, "F2")} | {F(use.CallIpis, "F2")} |");
            text.AppendLine();
        }

        text.AppendLine($"## The staff board with {board.OpenOrders} open orders");
        text.AppendLine();
        text.AppendLine($"`GET /admin` for a signed-in manager of a shop with {board.OpenOrders} open orders (new, accepted, assembled, in delivery) and");
        text.AppendLine("some cancelled today, one request at a time over HTTP, the whole page rendered (cookie session checked in PostgreSQL,");
        text.AppendLine("the shop's settings, the board's one query, the staff list, HTML). Next to it, PostgreSQL alone running a statement that");
        text.AppendLine("fetches the same documents (prepared, read to the end, no application in front).");
        text.AppendLine();
        text.AppendLine("| | samples | p50 ms | p95 ms |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine($"| board page over HTTP | {board.Samples} | {F(board.P50Ms, "F1")} | {F(board.P95Ms, "F1")} |");
        text.AppendLine($"| PostgreSQL alone, the same documents | {board.Samples} | {F(board.SqlP50Ms, "F1")} | {F(board.SqlP95Ms, "F1")} |");
        text.AppendLine();
        text.AppendLine($"Ratio of medians, page to PostgreSQL alone: {F(board.P50Ms / board.SqlP50Ms, "F1")}. Failures: {board.Failures}.");
        text.AppendLine();
        text.AppendLine($"## Catalog search over {catalog.Products} products of one shop");
        text.AppendLine();
        text.AppendLine($"Built through the API before measuring: {catalog.Products} products, each with its own photo; {catalog.Indexed} photo vectors indexed");
        text.AppendLine("(offline pixel descriptor, 512 dimensions). Text search: Russian full-text plus trigram similarity in PostgreSQL, 20 results,");
        text.AppendLine("eight queries in turn, two of them misspelled. Photo search: a recompressed, smaller copy of a catalog photo, 10 results.");
        text.AppendLine();
        text.AppendLine("| operation | concurrent | operations | failed | ops/s | p50 ms | p99 ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in catalog.Results)
            text.AppendLine($"| {r.Name} | {r.Concurrency} | {r.Operations} | {r.Failures} | {F(r.PerSecond)} | {F(r.P50Ms, "F2")} | {F(r.P99Ms, "F2")} |");
        text.AppendLine();
        text.AppendLine($"Photo search as the server times it ({catalog.Photo.Samples} searches), without the embedding: the in-memory scan of every");
        text.AppendLine($"vector of the shop and the assembly of the results, p50 {F(catalog.Photo.SearchP50Ms, "F2")} ms, p99 {F(catalog.Photo.SearchP99Ms, "F2")} ms.");
        text.AppendLine($"The offline embedding of the uploaded photo itself took p50 {F(catalog.Photo.EmbeddingP50Ms, "F2")} ms.");
        text.AppendLine();
        if (import is not null)
        {
            text.AppendLine($"## The switch-over import of {import.Orders} orders");
            text.AppendLine();
            text.AppendLine($"A generated legacy database (`bench/Cvety.Bench/ImportBench.cs`): {import.Orders} orders with {import.ItemRows} lines and");
            text.AppendLine($"{import.HistoryRows} history rows, a photo on every fifth and a Kaspi payment on every third, a tenth as many clients. `import-legacy`");
            text.AppendLine("runs as docs/operating.md says (its own process, start-up and the read of the legacy database included) into a new Cvety database.");
            text.AppendLine("Next to it, PostgreSQL alone COPYing every row the import wrote (events, streams, documents) into tables of the same shape and");
            text.AppendLine("indexes, three times, the median: the rate the database itself writes the same data at.");
            text.AppendLine();
            text.AppendLine("| run | orders | seconds | orders/s |");
            text.AppendLine("|---|---:|---:|---:|");
            text.AppendLine($"| import-legacy, first run | {import.Orders} | {F(import.ImportSeconds, "F1")} | {F(import.OrdersPerSecond)} |");
            text.AppendLine($"| import-legacy, delta run ({import.DeltaOrders / 2} moved, {import.DeltaOrders / 2} added) | {import.DeltaOrders} | {F(import.DeltaSeconds, "F1")} | |");
            text.AppendLine($"| PostgreSQL alone, COPY of the {import.RowsWritten} rows written | {import.Orders} | {F(import.CopySecondsMedian, "F1")} | {F(import.CopyOrdersPerSecond)} |");
            text.AppendLine();
            text.AppendLine($"Ratio, import to COPY: {F(import.Ratio, "P1")}. Exit codes {import.ExitCode} and {import.DeltaExitCode} (0: every total matched).");
            text.AppendLine();
        }
        var text1 = catalog.Results.FirstOrDefault(r => r.Concurrency == 1 && r.Name.StartsWith("Text search", StringComparison.Ordinal));
        text.AppendLine("## Targets");
        text.AppendLine();
        text.AppendLine("| target | measured | met |");
        text.AppendLine("|---|---:|---|");
        if (text1 is not null)
            text.AppendLine($"| text search over {catalog.Products} products: p99 under 20 ms (1 client, over HTTP) | {F(text1.P99Ms, "F1")} ms | {(text1.P99Ms < 20 ? "yes" : "no")} |");
        text.AppendLine($"| staff board with {board.OpenOrders} open orders: p95 under 300 ms (server answer over HTTP) | {F(board.P95Ms, "F1")} ms | {(board.P95Ms < 300 ? "yes" : "no")} |");
        text.AppendLine($"| photo search over {catalog.Indexed} vectors: p99 under 5 ms, excluding the embedding call | {F(catalog.Photo.SearchP99Ms, "F2")} ms | {(catalog.Photo.SearchP99Ms < 5 ? "yes" : "no")} |");
        if (import is not null)
        {
            text.AppendLine($"| import of {import.Orders} orders: minutes, not hours | {F(import.ImportSeconds / 60, "F1")} min | {(import.ImportSeconds < 30 * 60 ? "yes" : "no")} |");
            text.AppendLine($"| delta run of {import.DeltaOrders} changed orders: seconds | {F(import.DeltaSeconds, "F1")} s | {(import.DeltaSeconds < 60 ? "yes" : "no")} |");
        }
        text.AppendLine();
        text.AppendLine("The status webhook's throughput target (30% of the 1-client insert rate at 32 senders) was withdrawn: the webhook is called");
        text.AppendLine("when a florist changes a status in Bitrix by hand (docs/decisions/0009).");
        return text.ToString();
    }
}
