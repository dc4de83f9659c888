using Cvety.Application.Inventory;
using Cvety.Application.Orders;
using Cvety.Domain.Inventory;
using Wolverine;

namespace Cvety.Api.Endpoints;

/// <summary>Stock-takes (<c>/inventory/*</c>) and the warehouse item routes the admin SPA calls besides the generic operations.</summary>
public static class InventoryEndpoints
{
    public sealed record CountBody(Guid? WarehouseItemId, Guid? ItemId, int? CountedQuantity, int? ActualQuantity, int? Quantity);
    public sealed record StockTakeBody(IReadOnlyList<CountBody>? Items, string? Notes, string? Comment);
    public sealed record ItemChange(string? Name, long? CostPrice, long? RetailPrice, int? MinQuantity, int? Quantity);
    public sealed record QuantityBody(int? Quantity, string? Reason, string? Comment, long? CostPrice, long? Price);

    public static IEndpointRouteBuilder MapInventoryEndpoints(this IEndpointRouteBuilder app)
    {
        var inventory = app.MapGroup("/api/v1/inventory").WithTags("Stock-takes").RequireAuthorization();

        inventory.MapGet("/prepare/items", async (IMessageBus bus, HttpContext http) =>
                Lists.Array(http, await bus.InvokeForShopAsync<IReadOnlyList<StockTakeSheetLine>>(http, new PrepareStockTake())))
            .WithSummary("Every item with the quantity the books expect: the sheet to count on.");

        inventory.MapPost("/", async (StockTakeBody body, IMessageBus bus, HttpContext http) =>
            {
                var counts = (body.Items ?? []).Select(c => new DraftStockTake.Count(c.WarehouseItemId ?? c.ItemId ?? Guid.Empty, c.CountedQuantity ?? c.ActualQuantity ?? c.Quantity ?? -1)).ToList();
                var id = await bus.InvokeForShopAsync<Guid>(http, new DraftStockTake(counts, body.Notes ?? body.Comment));
                return Results.Created($"/api/v1/inventory/{id}", await bus.InvokeForShopAsync<StockTake>(http, new GetStockTake(id)));
            })
            .WithSummary("Save counted quantities ({items: [{warehouse_item_id, counted_quantity}], notes}) as a draft; nothing moves until it is applied.");

        inventory.MapGet("/", async (IMessageBus bus, HttpContext http) => Lists.Array(http, await bus.InvokeForShopAsync<IReadOnlyList<StockTake>>(http, new ListStockTakes())))
            .WithSummary("The shop's stock-takes, newest first.");

        inventory.MapGet("/summary", (IMessageBus bus, HttpContext http) => bus.InvokeForShopAsync<InventorySummary>(http, new GetInventorySummary()))
            .WithSummary("Items, units, cost and retail value (tiyn), low items, reserved units, the last stock-take.");

        inventory.MapGet("/{id:guid}", (Guid id, IMessageBus bus, HttpContext http) => bus.InvokeForShopAsync<StockTake>(http, new GetStockTake(id)))
            .WithSummary("A stock-take with its counted lines.");

        inventory.MapPost("/{id:guid}/apply", (Guid id, IMessageBus bus, HttpContext http) => bus.InvokeForShopAsync<StockTakeResult>(http, new ApplyStockTake(id)))
            .WithSummary("Apply a draft: each difference becomes a count on its item, reconciled with what moved since; applying twice changes nothing.");

        inventory.MapGet("/warehouse-items/{id:guid}/available", async (Guid id, IMessageBus bus, HttpContext http) =>
            {
                var item = await bus.InvokeForShopAsync<WarehouseItem>(http, new GetWarehouseItem(id));
                return Results.Ok(new { item_id = item.Id, name = item.Name, quantity = item.Quantity, reserved = item.Reserved, available = item.Available });
            })
            .WithSummary("What of an item is on hand, held for orders, and free.");

        inventory.MapPost("/validate-order-items", (System.Text.Json.Nodes.JsonNode body, IMessageBus bus, HttpContext http) =>
                bus.InvokeForShopAsync<OrderPreview>(http, PublicOrderEndpoints.PreviewFrom(body, http)))
            .WithSummary("Whether stock covers a basket ({items} or an array of {product_id, quantity}).");

        var warehouse = app.MapGroup("/api/v1/warehouse").WithTags("Warehouse").RequireAuthorization();

        warehouse.MapPatch("/{id:guid}", async (Guid id, ItemChange body, IMessageBus bus, HttpContext http) =>
            {
                await bus.InvokeForShopAsync(http, new ChangeWarehouseItem(id, body.Name, body.CostPrice, body.RetailPrice, body.MinQuantity, body.Quantity));
                return await bus.InvokeForShopAsync<WarehouseItem>(http, new GetWarehouseItem(id));
            })
            .WithSummary("Change name, prices (tiyn) or minimum; never the quantity.");

        warehouse.MapDelete("/{id:guid}", async (Guid id, string? reason, IMessageBus bus, HttpContext http) =>
            {
                await bus.InvokeForShopAsync(http, new ArchiveWarehouseItem(id, reason));
                return Results.Ok(new { message = "Item archived", id });
            })
            .WithSummary("Archive an item (refused while orders hold some); it stays in history.");

        warehouse.MapPost("/{id:guid}/writeoff", (Guid id, QuantityBody body, IMessageBus bus, HttpContext http) =>
                Move(bus, http, id, new RecordStockMovement(id, "writeoff", body.Quantity, Reason: body.Reason ?? body.Comment)))
            .WithSummary("Write off {quantity} with a {reason}.");

        warehouse.MapPost("/{id:guid}/delivery", (Guid id, QuantityBody body, IMessageBus bus, HttpContext http) =>
                Move(bus, http, id, new RecordStockMovement(id, "delivery", body.Quantity, CostPrice: body.CostPrice, Reason: body.Comment ?? body.Reason)))
            .WithSummary("Record a delivery of {quantity} (cost_price in tiyn, comment).");

        warehouse.MapPost("/{id:guid}/sale", (Guid id, QuantityBody body, IMessageBus bus, HttpContext http) =>
                Move(bus, http, id, new SellWarehouseItem(id, body.Quantity ?? 0, body.Price, body.Comment ?? body.Reason)))
            .WithSummary("Record a sale over the counter of {quantity} (price in tiyn, comment).");

        warehouse.MapPost("/{id:guid}/photo", async (Guid id, IFormFile? file, IMessageBus bus, HttpContext http) =>
            {
                var content = await Uploads.ReadAsync(file, SetWarehouseItemPhoto.MaxBytes, http.RequestAborted);
                var url = await bus.InvokeForShopAsync<string?>(http, new SetWarehouseItemPhoto(id, content));
                return Results.Ok(new { url });
            })
            .DisableAntiforgery()
            .WithSummary("Set the item's photo (multipart 'file', JPEG, PNG or WebP).");

        warehouse.MapDelete("/{id:guid}/photo", async (Guid id, IMessageBus bus, HttpContext http) =>
            {
                await bus.InvokeForShopAsync<string?>(http, new SetWarehouseItemPhoto(id, [], Remove: true));
                return Results.NoContent();
            })
            .WithSummary("Take the item's photo off.");

        return app;
    }

    private static async Task<WarehouseItem> Move(IMessageBus bus, HttpContext http, Guid id, object command)
    {
        await bus.InvokeForShopAsync(http, command);
        return await bus.InvokeForShopAsync<WarehouseItem>(http, new GetWarehouseItem(id));
    }
}
