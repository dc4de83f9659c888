using Cvety.Domain.Orders;
using Cvety.Domain.Products;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Postgresql.Tables;

namespace Cvety.Application.Orders;

/// <summary>Where a tracking id leads: the one lookup that crosses shops, because customers know no shop.</summary>
public sealed record TrackingLookup(string Id, int ShopId, Guid OrderId);

public static class OrdersModule
{
    public const string OrderNumbersTable = "order_numbers";

    /// <summary>
    /// Orders in the event store: inline projections for read-your-writes, lookups, counters; what an order's events set
    /// going is raised by its details projection as they are committed (<paramref name="reactions"/>).
    /// </summary>
    public static StoreOptions AddOrders(this StoreOptions opts, Reactions reactions)
    {
        opts.Projections.Add<OrderWriteModel>(ProjectionLifecycle.Live);
        opts.Projections.Add(new OrderDetailsProjection { Reactions = reactions }, ProjectionLifecycle.Inline);
        // Side effects of inline projections are off by default; ours are the reactions, stored by Wolverine's outbox
        // in the transaction that commits the events (Marten hands them to Wolverine: IntegrateWithWolverine).
        opts.Events.EnableSideEffectsOnInlineProjections = true;
        opts.Schema.For<Notifications.BlockedTelegramChat>().SingleTenanted();
        opts.Projections.Add<OrderHistoryProjection>(ProjectionLifecycle.Inline);
        // Boards are sorted by creation time: a real column, not an expression over the JSON, so that the many
        // updates of an order neither re-evaluate it nor (when the row stays on its page) touch the index at all.
        // Orders are found by tracking id and Bitrix id through their lookup documents, not through this table.
        opts.Schema.For<OrderDetails>().Duplicate(x => x.CreatedAt);
        opts.Schema.For<TrackingLookup>().SingleTenanted();
        opts.Schema.For<Payments.KaspiPaymentLookup>();
        opts.Schema.For<Product>();

        // Per-shop order numbers (#00001, #00002, ...) from one atomic upsert, never from max()+1.
        var numbers = new Table($"{opts.DatabaseSchemaName}.{OrderNumbersTable}");
        numbers.AddColumn<int>("shop_id").AsPrimaryKey();
        numbers.AddColumn<int>("last_number").NotNull();
        opts.Storage.ExtendedSchemaObjects.Add(numbers);
        return opts;
    }
}
