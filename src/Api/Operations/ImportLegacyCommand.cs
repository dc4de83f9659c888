using System.Globalization;
using System.Text.Json;
using Cvety.Application.Import;
using Cvety.Infrastructure.LegacyImport;
using Marten;
using Npgsql;

namespace Cvety.Api.Operations;

/// <summary>
/// <c>dotnet run --project src/Api -- import-legacy --from "&lt;connection string&gt;" [--shop N]... [--dry-run]
/// [--legacy-clock utc|almaty] [--report file.json]</c>: the switch-over from the legacy database (ADR 0025). It reads
/// the legacy database only, checks its shape before anything is written, prints a progress bar and a report, and
/// writes the report as JSON. Exit code 0 when every total matches, 2 when some do not, 1 when it could not run.
/// </summary>
public static class ImportLegacyCommand
{
    public const string Verb = "import-legacy";

    public sealed record Arguments(string From, IReadOnlyList<int> Shops, bool DryRun, LegacyClock Clock, string ReportPath);

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Verb;

    /// <summary>The arguments, or what is wrong with them.</summary>
    public static (Arguments? Arguments, string? Problem) Parse(string[] args)
    {
        string? from = null, report = null;
        var shops = new List<int>();
        var dryRun = false;
        var clock = LegacyClock.Utc;
        for (var i = 1; i < args.Length; i++)
        {
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--from": from = Next(); break;
                case "--shop":
                    if (!int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var shop)) return (null, "--shop needs a shop id (a number)");
                    shops.Add(shop);
                    break;
                case "--dry-run": dryRun = true; break;
                case "--report": report = Next(); break;
                case "--legacy-clock":
                    var value = Next();
                    if (value is not ("utc" or "almaty")) return (null, "--legacy-clock is utc or almaty");
                    clock = value == "utc" ? LegacyClock.Utc : new LegacyClock(LegacyClock.Almaty);
                    break;
                default:
                    // The host's own switches (--environment, --ConnectionStrings:Marten=...) pass through.
                    if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains('=')) continue;
                    return (null, $"unknown argument '{args[i]}'");
            }
        }
        if (string.IsNullOrWhiteSpace(from)) return (null, "--from \"<connection string of the legacy database>\" is required");
        report ??= $"legacy-import-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json";
        return (new Arguments(from, shops, dryRun, clock, report), null);
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var (arguments, problem) = Parse(args);
        if (arguments is null)
        {
            Console.Error.WriteLine($"import-legacy: {problem}");
            return 1;
        }
        var ct = app.Lifetime.ApplicationStopping;
        var source = new LegacyDatabase(arguments.From);
        try
        {
            var wrong = await source.CheckSchemaAsync(ct);
            if (wrong.Count > 0)
            {
                Console.Error.WriteLine("import-legacy: the database is not a legacy Cvety database; nothing was written:");
                foreach (var line in wrong) Console.Error.WriteLine("  " + line);
                return 1;
            }
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or TimeoutException or System.Net.Sockets.SocketException)
        {
            Console.Error.WriteLine($"import-legacy: cannot read the legacy database: {e.Message}; nothing was written.");
            return 1;
        }

        Console.WriteLine($"Reading the legacy database{(arguments.DryRun ? " (dry run: nothing will be written)" : "")}...");
        var snapshot = await source.ReadAsync(ct);
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var importer = new LegacyImporter(store, app.Services.GetRequiredService<TimeProvider>());
        var report = await importer.RunAsync(snapshot, new ImportOptions(arguments.Clock, arguments.Shops, arguments.DryRun), Progress, ct);
        Console.WriteLine();
        Print(report);
        await File.WriteAllTextAsync(arguments.ReportPath, JsonSerializer.Serialize(report, new JsonSerializerOptions
        {
            WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }), ct);
        Console.WriteLine($"Report written to {Path.GetFullPath(arguments.ReportPath)}");
        return report.Matches ? 0 : 2;
    }

    private static void Progress(ImportProgress p)
    {
        const int width = 30;
        var filled = p.Total == 0 ? width : (int)((long)p.Done * width / p.Total);
        Console.Write($"\rshop {p.ShopId} {p.Table,-8} [{new string('#', filled)}{new string(' ', width - filled)}] {p.Done}/{p.Total}");
    }

    private static void Print(ImportReport report)
    {
        Console.WriteLine(report.ClockRule);
        foreach (var shop in report.Shops)
        {
            Console.WriteLine($"Shop {shop.ShopId} {shop.Name}");
            Console.WriteLine($"  {"table",-20} {"read",8} {"imported",9} {"updated",8} {"unchanged",10} {"skipped",8}");
            foreach (var (table, c) in shop.Tables)
                Console.WriteLine($"  {table,-20} {c.Read,8} {c.Imported,9} {c.Updated,8} {c.Unchanged,10} {c.Skipped,8}");
            foreach (var skip in shop.Skipped.Take(20)) Console.WriteLine($"  skipped {skip.Table} {skip.Id}: {skip.Reason}");
            if (shop.Skipped.Count > 20) Console.WriteLine($"  ... and {shop.Skipped.Count - 20} more skipped rows in the report");
            Console.WriteLine($"  orders by status   legacy {Figures(shop.Legacy.OrdersByStatus)}");
            Console.WriteLine($"                     Cvety  {Figures(shop.Cvety.OrdersByStatus)}");
            Console.WriteLine($"  revenue (tiyn)     legacy {Figures(shop.Legacy.RevenueByMonth)}");
            Console.WriteLine($"                     Cvety  {Figures(shop.Cvety.RevenueByMonth)}");
            Console.WriteLine($"  stock: {shop.Legacy.StockByItem.Count} items, {shop.Mismatches.Count(m => m.StartsWith("stock", StringComparison.Ordinal))} differ");
            Console.WriteLine(shop.Mismatches.Count == 0 || report.DryRun ? "  totals match" : "  TOTALS DIFFER:\n    " + string.Join("\n    ", shop.Mismatches));
            if (shop.Warnings.Count > 0) Console.WriteLine($"  {shop.Warnings.Count} warnings in the report");
        }
        if (report.WithoutShop.Count > 0)
            Console.WriteLine($"{report.WithoutShop.Count} rows belong to no shop and were not imported (see the report's without_shop)");
    }

    private static string Figures<T>(SortedDictionary<string, T> figures) => string.Join(", ", figures.Select(f => $"{f.Key} {f.Value}"));
}
