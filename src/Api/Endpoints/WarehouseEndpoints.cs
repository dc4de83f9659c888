using Cvety.Application.Inventory;
using Cvety.Domain.Inventory;
using Wolverine;

namespace Cvety.Api.Endpoints;

public static class WarehouseEndpoints
{
    public sealed record OperationBody(string Operation, int? Quantity, long? CostPrice, long? RetailPrice, string? Reason);

    public static IEndpointRouteBuilder MapWarehouseEndpoints(this IEndpointRouteBuilder app)
    {
        var warehouse = app.MapGroup("/api/v1/warehouse").WithTags("Warehouse").RequireAuthorization();

        warehouse.MapPost("/", async (AddWarehouseItem command, IMessageBus bus, HttpContext http) =>
            {
                var id = await bus.InvokeForShopAsync<Guid>(http, command);
                return Results.Created($"/api/v1/warehouse/{id}", await bus.InvokeForShopAsync<WarehouseItem>(http, new GetWarehouseItem(id)));
            })
            .WithSummary("Add a warehouse item (prices in tiyn, or cost_price_tenge and retail_price_tenge as the admin SPA sends them), optionally with its first quantity.");

        warehouse.MapGet("/", async (IMessageBus bus, HttpContext http, int? skip, int? limit) =>
            {
                var all = await bus.InvokeForShopAsync<IReadOnlyList<WarehouseItem>>(http, new ListWarehouseItems());
                return Lists.Array(http, all.Skip(Math.Max(0, skip ?? 0)).Take(Math.Clamp(limit ?? 1000, 1, 1000)).ToList(), all.Count);
            })
            .WithSummary("The shop's warehouse items with quantity on hand, reserved and available: a JSON array (total in X-Total-Count), skip/limit.");

        warehouse.MapGet("/low-stock", (IMessageBus bus, HttpContext http) => bus.InvokeForShopAsync<IReadOnlyList<WarehouseItem>>(http, new ListWarehouseItems(LowOnly: true)))
            .WithSummary("Items whose available quantity is at or below their minimum, the shortest first.");

        warehouse.MapGet("/{id:guid}", (Guid id, IMessageBus bus, HttpContext http) => bus.InvokeForShopAsync<WarehouseItemDetail>(http, new GetWarehouseItemDetail(id)))
            .WithSummary("One warehouse item with its operations, newest first, each naming who made it (user_name).");

        warehouse.MapGet("/{id:guid}/operations", (Guid id, IMessageBus bus, HttpContext http) =>
                bus.InvokeForShopAsync<IReadOnlyList<StockMovement>>(http, new GetStockMovements(id)))
            .WithSummary("The item's movements: operation, quantity_change, balance_after, order_id, user_id, created_at.");

        warehouse.MapPost("/{id:guid}/operations", async (Guid id, OperationBody body, IMessageBus bus, HttpContext http) =>
            {
                await bus.InvokeForShopAsync(http, new RecordStockMovement(id, body.Operation, body.Quantity, body.CostPrice, body.RetailPrice, body.Reason));
                return Results.Ok(await bus.InvokeForShopAsync<WarehouseItem>(http, new GetWarehouseItem(id)));
            })
            .WithSummary("Record a delivery (+), write-off (−, with reason), inventory count, price_change or min_quantity. Stock never goes below zero.");

        return app;
    }
}
