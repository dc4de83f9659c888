using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Common;
using Cvety.Domain.Inventory;
using Cvety.Domain.Users;
using JasperFx.Events;
using Marten;

namespace Cvety.Application.Inventory;

/// <summary>Who keeps stock, and how an item's stream is opened for a change.</summary>
public static class InventoryAccess
{
    public static Origin RequireStockKeeper(this ICurrentUser currentUser) =>
        Origins.Of(currentUser.Require(Permission.ManageStock, "Only florists, managers and directors keep stock."));

    public static async Task<IEventStream<WarehouseItem>> ItemForWritingAsync(IDocumentSession session, Guid itemId, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<WarehouseItem>(itemId, ct);
        if (stream.Aggregate is null) throw new NotFoundException("Warehouse item", itemId);
        return stream;
    }
}
