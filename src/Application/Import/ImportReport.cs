namespace Cvety.Application.Import;

/// <summary>How many rows of a legacy table were read, imported, brought up to date, found unchanged or skipped.</summary>
public sealed class TableCounts
{
    public int Read { get; set; }
    public int Imported { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
}

public sealed record SkippedRow(string Table, int Id, string Reason);

/// <summary>Figures that must match between the two databases: orders per status, revenue per month (tiyn), stock per item.</summary>
public sealed class Totals
{
    public SortedDictionary<string, int> OrdersByStatus { get; init; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, long> RevenueByMonth { get; init; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> StockByItem { get; init; } = new(StringComparer.Ordinal);
}

public sealed class ShopReport
{
    public int ShopId { get; init; }
    public string Name { get; set; } = "";
    public SortedDictionary<string, TableCounts> Tables { get; } = new(StringComparer.Ordinal);
    public List<SkippedRow> Skipped { get; } = [];
    public List<string> Warnings { get; } = [];
    public Totals Legacy { get; set; } = new();
    public Totals Cvety { get; set; } = new();

    /// <summary>The totals that differ between the two databases, one line each; none after a complete import.</summary>
    public List<string> Mismatches { get; } = [];

    public TableCounts Table(string name)
    {
        if (!Tables.TryGetValue(name, out var counts)) Tables[name] = counts = new TableCounts();
        return counts;
    }

    public void Skip(string table, int id, string reason)
    {
        Table(table).Skipped++;
        Skipped.Add(new SkippedRow(table, id, reason));
    }
}

public sealed class ImportReport
{
    public bool DryRun { get; init; }
    public string ClockRule { get; init; } = "";
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; set; }
    public List<ShopReport> Shops { get; } = [];

    /// <summary>Rows that belong to no shop (shop_id NULL, an unknown shop): reported, never assigned to one.</summary>
    public List<SkippedRow> WithoutShop { get; } = [];

    public bool Matches => Shops.All(s => s.Mismatches.Count == 0);
}

/// <summary>Where the import is: a shop, a table, how far through it.</summary>
public sealed record ImportProgress(int ShopId, string Table, int Done, int Total);
