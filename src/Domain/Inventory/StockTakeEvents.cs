using Cvety.Domain.Common;

namespace Cvety.Domain.Inventory;

/// <summary>One counted item of a stock-take, with what the books expected when it was counted.</summary>
public sealed record StockTakeLine(Guid ItemId, string Name, int Expected, int Counted);

/// <summary>A stock-take counted and saved as a draft: nothing moves until it is applied.</summary>
public sealed record StockTakeDrafted(Guid StockTakeId, int ShopId, IReadOnlyList<StockTakeLine> Lines, string? Notes, Origin By);

/// <summary>The stock-take was applied: each difference became a count on its item (see <see cref="StockCounted.StockTakeId"/>).</summary>
public sealed record StockTakeApplied(Guid StockTakeId, int ItemsChanged, Origin By);

public static class StockTakeDecisions
{
    public static StockTakeDrafted Draft(Guid id, int shopId, IReadOnlyList<StockTakeLine> lines, string? notes, Origin by)
    {
        if (lines.Count == 0) throw new DomainException("A stock-take counts at least one item.");
        if (lines.Select(l => l.ItemId).Distinct().Count() != lines.Count) throw new DomainException("Each item is counted once per stock-take.");
        if (lines.Any(l => l.Counted < 0 || l.Counted > InventoryDecisions.MaxQuantity)) throw new DomainException($"A count is between 0 and {InventoryDecisions.MaxQuantity}.");
        return new StockTakeDrafted(id, shopId, lines, notes, by);
    }
}
