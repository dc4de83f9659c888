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

    /// <summary>Orders and products in the event store: inline projections for read-your-writes, lookups, counters.</summary>
    public static StoreOptions AddOrders(this StoreOptions opts)
    {
        opts.Projections.Add<OrderWriteModel>(ProjectionLifecycle.Live);
        opts.Projections.Add<OrderDetailsProjection>(ProjectionLifecycle.Inline);
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
