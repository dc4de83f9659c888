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

    /// <summary>The item Wolverine fetched for a handler (<c>[WriteAggregate]</c>, in the caller's shop), or 404.</summary>
    public static WarehouseItem OrFail(this WarehouseItem? item, Guid itemId) => item ?? throw new NotFoundException("Warehouse item", itemId);
}
