using Cvety.Api.Auth;
using Cvety.Application.Bitrix;
using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Application.Products;
using Cvety.Application.Search;
using Cvety.Domain.Products;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Cvety.Api.Endpoints;

public static class ProductEndpoints
{
    public const string PublicBrowsingPolicy = "public-browsing";

    public sealed record StatusBody(bool Enabled, string? Reason);
    public sealed record ImageUrlBody(string Url);
    public sealed record CompositionBody(IReadOnlyList<SetProductComposition.Line> Items);
    public sealed record Availability(int ProductId, bool Available, int? MaxQuantity);
    public sealed record RecipeBody(Guid? WarehouseItemId, Guid? ItemId, int? Quantity);
    public sealed record RecipeBatch(IReadOnlyList<RecipeBody>? Items);

    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/v1/products").WithTags("Products");

        products.MapPost("/", async (CreateProduct command, IMessageBus bus, HttpContext http) =>
            {
                var id = await bus.InvokeForShopAsync<int>(http, command);
                return Results.Created($"/api/v1/products/{id}", await bus.InvokeForShopAsync<Product>(http, new GetProduct(id)));
            })
            .RequireAuthorization()
            .WithSummary("Add a product to the shop's catalog (price in tiyn).");

        // Customers name the shop and see what is on sale; staff see their own shop's (all of it with /admin).
        products.MapGet("/", async (IMessageBus bus, HttpContext http, string? type, [FromQuery(Name = "product_type")] string? productType, string? search,
                [FromQuery(Name = "min_price")] long? minPrice, [FromQuery(Name = "max_price")] long? maxPrice, string? city, [FromQuery(Name = "tags")] string[]? tags,
                [FromQuery(Name = "enabled_only")] bool? enabledOnly, int? skip, int? limit) =>
            {
                // Customers see enabled products only; staff looking at their own shop see disabled ones with enabled_only=false.
                var filter = new ProductFilter(search, type ?? productType, minPrice, maxPrice, city, Tags(tags), !IsStaffView(http) || (enabledOnly ?? true), skip ?? 0, limit ?? 100);
                return Lists.Page(http, await InvokeForViewAsync<ProductPage>(bus, http, new ListProducts(filter)));
            })
            .AllowAnonymous()
            .WithSummary("The catalog as a JSON array (total in X-Total-Count), searched (?search=: Russian full-text and typo-tolerant) and filtered (type or product_type, min_price, max_price in tiyn, city, tags, enabled_only). Anyone names the shop with ?shop_id= and sees enabled products.");

        products.MapGet("/admin", async (IMessageBus bus, HttpContext http, string? type, [FromQuery(Name = "product_type")] string? productType, string? search,
                [FromQuery(Name = "min_price")] long? minPrice, [FromQuery(Name = "max_price")] long? maxPrice, string? city, [FromQuery(Name = "tags")] string[]? tags,
                bool? enabled, [FromQuery(Name = "enabled_only")] bool? enabledOnly, int? skip, int? limit) =>
                Lists.Page(http, await bus.InvokeForShopAsync<ProductPage>(http, new ListProducts(
                    new ProductFilter(search, type ?? productType, minPrice, maxPrice, city, Tags(tags), enabledOnly ?? enabled ?? false, skip ?? 0, limit ?? 100)))))
            .RequireAuthorization()
            .WithSummary("Staff: the shop's whole catalog as a JSON array (total in X-Total-Count), disabled products included unless enabled_only=true, with the same search and filters.");

        products.MapGet("/search/suggestions", (IMessageBus bus, HttpContext http, string? q, int? limit) =>
            {
                return InvokeForViewAsync<IReadOnlyList<ProductSuggestion>>(bus, http, new SuggestProducts(q ?? "", !IsStaffView(http), limit ?? 8));
            })
            .AllowAnonymous()
            .WithSummary("Products to suggest while typing (?q=, at least two letters).");

        products.MapPost("/search/similar", (SimilarBody body, IMessageBus bus, HttpContext http) =>
            {
                var query = new SearchSimilarProducts(body.ImageUrl, body.ImageBase64, body.Limit ?? body.TopK, body.MinSimilarity);
                var tenant = body.ShopId is { } shop ? Cvety.Domain.Shops.Shop.TenantIdFor(shop) : ShopScope.PublicTenantOf(http);
                return bus.InvokeForTenantAsync<SimilarProducts>(tenant, query, http.RequestAborted);
            })
            .AllowAnonymous()
            .RequireClusterLimit(PublicBrowsingPolicy, "Cvety:RateLimits:PublicBrowsingPerMinute", 60, TimeSpan.FromMinutes(1))
            .WithSummary("Find a shop's products by photo ({image_url | image_base64, shop_id, limit, min_similarity}): exact >= 0.85, similar 0.70-0.85.");

        // A product id is global: anyone may read an enabled product without naming its shop (the shop SPA does).
        products.MapGet("/{id:int}", (int id, IMessageBus bus, HttpContext http) =>
                http.User.Identity?.IsAuthenticated != true && !http.Request.Query.ContainsKey("shop_id")
                    ? bus.InvokeAsync<Product>(new FindPublicProduct(id), http.RequestAborted)
                    : InvokeForViewAsync<Product>(bus, http, new GetProduct(id, OnSaleOnly: !IsStaffView(http))))
            .AllowAnonymous()
            .WithSummary("One product. Customers (no token, or ?shop_id=) see it only while it is on sale; staff see their own shop's, disabled ones too.");

        products.MapGet("/{id:int}/availability", async (int id, int? quantity, IMessageBus bus, HttpContext http) =>
            {
                var asked = Math.Clamp(quantity ?? 1, 1, 100);
                var answer = await InvokeForViewAsync<OrderPreview>(bus, http, new PreviewOrder([new PlaceOrder.Item(id, asked, null)]));
                return new Availability(id, answer.Available, answer.Items[0].MaxQuantity);
            })
            .AllowAnonymous()
            .WithSummary("Whether the product can be ordered now, and how many the stock covers (null: made to order, no limit).");

        // The legacy PUT was a partial update: the admin SPA sends {price, description} alone, or {enabled} alone.
        products.MapPut("/{id:int}", (int id, UpdateProduct command, IMessageBus bus, HttpContext http) => Write(bus, http, id, command with { Id = id }))
            .RequireAuthorization()
            .WithSummary("Change the fields given (absent or null ones keep their values; enabled too, with a reason), in one change; a Bitrix product's change is sent to Bitrix.");

        products.MapPatch("/{id:int}/status", (int id, StatusBody? body, bool? enabled, string? reason, IMessageBus bus, HttpContext http) =>
                Write(bus, http, id, new SetProductStatus(body?.Enabled ?? enabled ?? throw Required("enabled"), body?.Reason ?? reason) { Id = id }))
            .RequireAuthorization()
            .WithSummary("Enable or disable the product.");

        products.MapPut("/{id:int}/composition", (int id, CompositionBody body, IMessageBus bus, HttpContext http) =>
                Write(bus, http, id, new SetProductComposition(id, body.Items)))
            .RequireAuthorization()
            .WithSummary("What the product is made of: [{item_id, quantity}] of the shop's warehouse items. Orders reserve it.");

        products.MapPost("/{id:int}/images", async (int id, bool? primary, IMessageBus bus, HttpContext http) =>
            {
                // The admin SPA sends JSON {url, order, is_primary} for a photo uploaded elsewhere; forms send the file.
                if (http.Request.HasJsonContentType())
                {
                    var body = JsonBodies.Read<ImageByUrl>(http, await JsonBodies.ParseAsync(http), "body") ?? throw Required("url");
                    await bus.InvokeForShopAsync<string>(http, new AddProductImageByUrl(id, body.Url ?? "", body.IsPrimary ?? primary ?? false));
                }
                else
                {
                    var file = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(http.RequestAborted)).Files["file"] : null;
                    var content = await Uploads.ReadAsync(file, AddProductImage.MaxBytes, http.RequestAborted);
                    await bus.InvokeForShopAsync<string>(http, new AddProductImage(id, content, primary ?? false));
                }
                return Results.Created($"/api/v1/products/{id}", await bus.InvokeForShopAsync<Product>(http, new GetProduct(id)));
            })
            .RequireAuthorization()
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(AddProductImage.MaxBytes + 64 * 1024))
            .WithSummary("Upload a product image (multipart field 'file': JPEG, PNG or WebP, up to 10 MB; ?primary=true to make it the main one).");

        products.MapDelete("/{id:int}/images", (int id, [FromBody] ImageUrlBody body, IMessageBus bus, HttpContext http) =>
                Write(bus, http, id, new RemoveProductImage(id, body.Url)))
            .RequireAuthorization()
            .WithSummary("Remove one of the product's images by its URL.");

        products.MapPut("/{id:int}/images/primary", (int id, ImageUrlBody body, IMessageBus bus, HttpContext http) =>
                Write(bus, http, id, new MakeProductImagePrimary(id, body.Url)))
            .RequireAuthorization()
            .WithSummary("Make one of the product's images ({url}) the main one; the others follow in their order.");

        products.MapDelete("/{id:int}/images/{imageId:int}", (int id, int imageId, IMessageBus bus, HttpContext http) =>
                Write(bus, http, id, new RemoveProductImage(id, ImageId: imageId)))
            .RequireAuthorization()
            .WithSummary("Remove one of the product's images by its id (images[].id).");

        products.MapDelete("/{id:int}", async (int id, string? reason, IMessageBus bus, HttpContext http) =>
            {
                await bus.InvokeForShopAsync(http, new ArchiveProduct(id, reason));
                return Results.Ok(new { message = "Product archived", id, archived = true });
            })
            .RequireAuthorization()
            .WithSummary("Archive a product (never deleted): out of the catalog and search, still on past orders and in its history.");

        products.MapGet("/{id:int}/detail", (int id, IMessageBus bus, HttpContext http) => bus.InvokeForShopAsync<ProductDetail>(http, new GetProductDetail(id)))
            .RequireAuthorization()
            .WithSummary("A product with its recipe (each line's stock and how many bouquets it makes), and a summary of its history.");

        products.MapGet("/{id:int}/recipe", (int id, IMessageBus bus, HttpContext http) =>
                bus.InvokeForShopAsync<ProductRecipe>(http, new GetProductRecipeSummary(id)))
            .RequireAuthorization()
            .WithSummary("The product's recipe: {recipes: [warehouse item, quantity, what is free, how many bouquets that makes], total_cost (tiyn), can_produce, max_quantity}.");

        products.MapPost("/{id:int}/recipe", (int id, RecipeBody body, IMessageBus bus, HttpContext http) =>
                ChangeRecipeAsync(bus, http, id, body.WarehouseItemId ?? body.ItemId ?? Guid.Empty, body.Quantity ?? -1))
            .RequireAuthorization()
            .WithSummary("Add a line to the recipe ({warehouse_item_id, quantity}); the same item again sets its quantity.");

        products.MapPatch("/{id:int}/recipe/{recipeId:guid}", (int id, Guid recipeId, RecipeBody body, IMessageBus bus, HttpContext http) =>
                ChangeRecipeAsync(bus, http, id, recipeId, body.Quantity ?? -1))
            .RequireAuthorization()
            .WithSummary("Change a recipe line's quantity (its id is the warehouse item's).");

        products.MapDelete("/{id:int}/recipe/{recipeId:guid}", (int id, Guid recipeId, IMessageBus bus, HttpContext http) =>
                ChangeRecipeAsync(bus, http, id, recipeId, 0))
            .RequireAuthorization()
            .WithSummary("Remove a recipe line.");

        products.MapPost("/{id:int}/recipe/batch", async (int id, RecipeBatch body, IMessageBus bus, HttpContext http) =>
            {
                var lines = (body.Items ?? []).Select(l => new SetProductComposition.Line(l.WarehouseItemId ?? l.ItemId ?? Guid.Empty, l.Quantity ?? 0)).ToList();
                await bus.InvokeForShopAsync(http, new SetProductComposition(id, lines));
                return Lists.Array(http, await bus.InvokeForShopAsync<IReadOnlyList<RecipeLine>>(http, new GetProductRecipe(id)));
            })
            .RequireAuthorization()
            .WithSummary("Replace the whole recipe ({items: [{warehouse_item_id, quantity}]}).");

        products.MapGet("/check-availability", async (IMessageBus bus, HttpContext http, [FromQuery(Name = "product_ids")] int[]? productIds,
                [FromQuery(Name = "product_id")] int? productId, int? quantity) =>
            {
                var ids = (productIds ?? []).Concat(productId is { } one ? [one] : []).Distinct().Take(50).ToList();
                var asked = Math.Clamp(quantity ?? 1, 1, 100);
                var answer = await InvokeForViewAsync<OrderPreview>(bus, http, new PreviewOrder(ids.Select(i => new PlaceOrder.Item(i, asked, null)).ToList()));
                return answer.Items.Select(i => new Availability(i.ProductId, i.Available, i.MaxQuantity)).ToList();
            })
            .AllowAnonymous()
            .WithSummary("Whether products can be ordered now (?product_ids=1&product_ids=2 or ?product_id=, ?quantity=), and how many the stock covers.");

        products.MapGet("/{id:int}/history", (int id, IMessageBus bus, HttpContext http) =>
                bus.InvokeForShopAsync<IReadOnlyList<HistoryEntry>>(http, new GetProductHistory(id)))
            .RequireAuthorization()
            .WithSummary("Every change of the product: what, who, from where (admin, bitrix, system) and when.");

        products.MapPost("/import", (IMessageBus bus, HttpContext http) =>
                bus.InvokeForShopAsync<ProductImportResult>(http, new ImportBitrixProducts()))
            .RequireAuthorization()
            .WithSummary("The Bitrix shop only: import the catalog from Bitrix's production products API now (it also runs every 6 hours).");

        return app;
    }

    public sealed record ImageByUrl(string? Url, int? Order, bool? IsPrimary);

    public sealed record SimilarBody(string? ImageUrl, string? ImageBase64, int? ShopId, int? Limit, double? MinSimilarity,
        [property: System.Text.Json.Serialization.JsonPropertyName("topK")] int? TopK = null);

    private static FluentValidation.ValidationException Required(string field) =>
        new([new FluentValidation.Results.ValidationFailure(field, $"'{field}' is required (in the body or as ?{field}=).")]);

    /// <summary>Staff see their own shop unless they name one with <c>?shop_id=</c>; then, like anyone, they see that shop as customers do.</summary>
    private static async Task<IResult> ChangeRecipeAsync(IMessageBus bus, HttpContext http, int id, Guid itemId, int quantity)
    {
        await bus.InvokeForShopAsync(http, new SetRecipeLine(id, itemId, quantity));
        return Lists.Array(http, await bus.InvokeForShopAsync<IReadOnlyList<RecipeLine>>(http, new GetProductRecipe(id)));
    }

    private static bool IsStaffView(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && !http.Request.Query.ContainsKey("shop_id");

    private static Task<T> InvokeForViewAsync<T>(IMessageBus bus, HttpContext http, object query) =>
        IsStaffView(http)
            ? bus.InvokeForShopAsync<T>(http, query)
            : bus.InvokeForTenantAsync<T>(ShopScope.PublicTenantOf(http), query, http.RequestAborted);

    private static async Task<IResult> Write(IMessageBus bus, HttpContext http, int id, object command)
    {
        await bus.InvokeForShopAsync(http, command);
        return Results.Ok(await bus.InvokeForShopAsync<Product>(http, new GetProduct(id)));
    }

    private static IReadOnlyList<string>? Tags(string[]? tags) =>
        tags is null ? null : tags.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
