using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Inventory;
using FluentValidation;
using Marten;

namespace Cvety.Application.Inventory;

/// <summary>Every item of the shop with what the books say: the sheet a stock-take is counted on.</summary>
public sealed record PrepareStockTake;

/// <summary>A line of the sheet to count on; <c>id</c> and <c>current_quantity</c> are the legacy sheet's names.</summary>
public sealed record StockTakeSheetLine(Guid ItemId, string Name, int ExpectedQuantity, int Reserved, int Available, string? Image)
{
    public Guid Id => ItemId;
    public int CurrentQuantity => ExpectedQuantity;
}

/// <summary>Counted quantities, saved as a draft; nothing moves yet.</summary>
public sealed record DraftStockTake(IReadOnlyList<DraftStockTake.Count> Items, string? Notes)
{
    public sealed record Count(Guid ItemId, int CountedQuantity);

    public sealed class Validator : AbstractValidator<DraftStockTake>
    {
        public Validator()
        {
            RuleFor(x => x.Items).NotEmpty().Must(i => i is null || i.Count <= 5000).WithMessage("A stock-take counts 1 to 5000 items.");
            RuleForEach(x => x.Items).ChildRules(c => c.RuleFor(x => x.CountedQuantity).InclusiveBetween(0, InventoryDecisions.MaxQuantity));
            RuleFor(x => x.Notes).MaximumLength(2000);
        }
    }
}

/// <summary>Applies a draft: each difference becomes a count on its item, reconciled with what moved since. Applying twice changes nothing.</summary>
public sealed record ApplyStockTake(Guid StockTakeId);

public sealed record StockTakeResult(Guid Id, string Status, int ItemsChanged, bool AlreadyApplied, IReadOnlyList<string> Warnings);

public sealed record ListStockTakes;

public sealed record GetStockTake(Guid Id);

/// <summary>The warehouse in figures: items, units, their cost value, low ones, and the last stock-take.</summary>
public sealed record GetInventorySummary;

public sealed record InventorySummary(int Items, long Units, long CostValue, long RetailValue, int Low, int Reserved, DateTimeOffset? LastStockTakeAt);

public static class StockTakesHandler
{
    public static async Task<IReadOnlyList<StockTakeSheetLine>> Handle(PrepareStockTake _, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        currentUser.RequireStockKeeper();
        var items = await session.Query<WarehouseItem>().Where(i => !i.Archived).OrderBy(i => i.Name).ToListAsync(ct);
        return items.Select(i => new StockTakeSheetLine(i.Id, i.Name, i.Quantity, i.Reserved, i.Available, i.Image)).ToList();
    }

    // The session: the books are read at the moment of the count, and the draft's stream starts.
    public static async Task<Guid> Handle(DraftStockTake command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = currentUser.RequireStockKeeper();
        var ids = command.Items.Select(i => i.ItemId).Distinct().ToArray();
        var items = (await session.LoadManyAsync<WarehouseItem>(ct, ids)).Where(i => !i.Archived).ToDictionary(i => i.Id);
        var unknown = command.Items.Select((c, i) => (c, i)).Where(x => !items.ContainsKey(x.c.ItemId))
            .Select(x => new FluentValidation.Results.ValidationFailure($"items[{x.i}].item_id", $"Warehouse item {x.c.ItemId} does not exist in this shop.")).ToList();
        if (unknown.Count > 0) throw new ValidationException(unknown);
        var drafted = StockTakeDecisions.Draft(Guid.CreateVersion7(), Tenancy.ShopOf(session),
            command.Items.Select(c => new StockTakeLine(c.ItemId, items[c.ItemId].Name, items[c.ItemId].Quantity, c.CountedQuantity)).ToList(), command.Notes?.Trim(), origin);
        session.Events.StartStream<StockTake>(drafted.StockTakeId, drafted);
        return drafted.StockTakeId;
    }

    // The session: one stock-take moves many items' streams in one transaction.
    public static async Task<StockTakeResult> Handle(ApplyStockTake command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = currentUser.RequireStockKeeper();
        var stream = await session.Events.FetchForWriting<StockTake>(command.StockTakeId, ct);
        var take = stream.Aggregate ?? throw new NotFoundException("Stock-take", command.StockTakeId);
        if (take.Status == StockTake.Applied) return new StockTakeResult(take.Id, take.Status, take.ItemsChanged, true, []);

        var changed = 0;
        var warnings = new List<string>();
        foreach (var line in take.Lines)
        {
            var item = await session.Events.FetchForWriting<WarehouseItem>(line.ItemId, ct);
            if (item.Aggregate is not { } current) continue;
            var events = InventoryDecisions.CountForStockTake(current, line.Expected, line.Counted, take.Id, origin);
            if (events.Length == 0) continue;
            item.AppendMany(events);
            changed++;
            var after = current.Quantity + ((StockCounted)events[0]).Difference;
            if (after < current.Reserved) warnings.Add($"«{current.Name}»: на складе {after}, а заказы держат {current.Reserved}.");
        }
        stream.AppendOne(new StockTakeApplied(take.Id, changed, origin));
        return new StockTakeResult(take.Id, StockTake.Applied, changed, false, warnings);
    }

    public static async Task<IReadOnlyList<StockTake>> Handle(ListStockTakes _, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        currentUser.RequireStockKeeper();
        return await session.Query<StockTake>().OrderByDescending(t => t.CreatedAt).Take(200).ToListAsync(ct);
    }

    public static async Task<StockTake> Handle(GetStockTake query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        currentUser.RequireStockKeeper();
        return await session.LoadAsync<StockTake>(query.Id, ct) ?? throw new NotFoundException("Stock-take", query.Id);
    }

    public static async Task<InventorySummary> Handle(GetInventorySummary _, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        currentUser.RequireStockKeeper();
        var items = await session.Query<WarehouseItem>().Where(i => !i.Archived).ToListAsync(ct);
        var last = await session.Query<StockTake>().Where(t => t.Status == StockTake.Applied).OrderByDescending(t => t.AppliedAt).FirstOrDefaultAsync(ct);
        return new InventorySummary(items.Count, items.Sum(i => (long)i.Quantity), items.Sum(i => i.CostPrice.Tiyn * i.Quantity), items.Sum(i => i.RetailPrice.Tiyn * i.Quantity),
            items.Count(i => i.IsLow), items.Sum(i => i.Reserved), last?.AppliedAt);
    }
}
