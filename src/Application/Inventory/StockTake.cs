using Cvety.Application.Orders;
using Cvety.Domain.Inventory;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Cvety.Application.Inventory;

/// <summary>A stock-take as the warehouse screens show it, projected from its stream.</summary>
public sealed class StockTake
{
    public const string Draft = "draft";
    public const string Applied = "applied";

    public Guid Id { get; set; }
    public int ShopId { get; set; }
    public string Status { get; set; } = Draft;
    public List<StockTakeLine> Lines { get; set; } = [];
    public string? Notes { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AppliedAt { get; set; }
    public int ItemsChanged { get; set; }
    public int TotalDifference => Lines.Sum(l => l.Counted - l.Expected);
}

public sealed partial class StockTakeProjection : SingleStreamProjection<StockTake, Guid>
{
    public StockTake Create(IEvent<StockTakeDrafted> e) => new()
    {
        Id = e.Data.StockTakeId, ShopId = e.Data.ShopId, Lines = [.. e.Data.Lines], Notes = e.Data.Notes, CreatedBy = e.Data.By.Actor, CreatedAt = e.At(),
    };

    public void Apply(IEvent<StockTakeApplied> e, StockTake take) => (take.Status, take.AppliedAt, take.ItemsChanged) = (StockTake.Applied, e.At(), e.Data.ItemsChanged);
}
