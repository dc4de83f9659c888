using System.ComponentModel;
using Cvety.Application.Clients;
using Cvety.Application.Content;
using Cvety.Application.Orders;
using Cvety.Application.Planning;
using Cvety.Application.Products;
using Cvety.Application.Search;
using Cvety.Application.Shops;
using Cvety.Domain.Products;
using Cvety.Domain.Shops;
using ModelContextProtocol.Server;

namespace Cvety.Api.Mcp;

/// <summary>
/// What a customer's assistant may do: the same as the public routes, in the shop it names with <c>shop_id</c> (a staff
/// token works in its own shop instead). The client profile and its privacy choice need the shop's agent key
/// (<c>X-Bot-Key</c>) or a staff token, as their routes do. Money is in tiyn (1 tenge = 100 tiyn).
/// </summary>
[McpServerToolType]
public sealed class CustomerTools(McpContext mcp)
{
    public sealed record BasketItem(
        [property: Description("The product's id.")] int product_id,
        [property: Description("How many, 1 to 100.")] int quantity,
        [property: Description("A wish for the florist, at most 500 characters.")] string? special_requests = null);

    [McpServerTool(Name = "search_products", ReadOnly = true), Description(
        "Search a shop's catalog by text (Russian full-text, tolerant of typos) and filters; only products on sale. " +
        "Answers {items: [{id, name, price (tiyn), type, images, ...}], total}.")]
    public async Task<string> SearchProducts(
        [Description("The shop's id (e.g. 17008).")] int? shop_id = null,
        [Description("Words to look for, e.g. \"розы красные\".")] string? query = null,
        [Description("Product type: flowers, bouquet, composition, gift ...")] string? type = null,
        [Description("Lowest price in tiyn.")] long? min_price = null,
        [Description("Highest price in tiyn.")] long? max_price = null,
        [Description("How many to answer, 1 to 100 (20).")] int limit = 20)
    {
        var shop = mcp.ShopOf(shop_id);
        var page = await mcp.InvokeAsync<ProductPage>(shop, new ListProducts(new ProductFilter(query, type, min_price, max_price, EnabledOnly: true, Limit: limit)));
        return mcp.Answer(page);
    }

    [McpServerTool(Name = "search_products_by_photo", ReadOnly = true), Description(
        "Find a shop's products that look like a photo (a public http(s) image URL, or the image itself in base64): {results: [{id, name, price (tiyn), similarity 0..1}], exact (>= 0.85)}.")]
    public async Task<string> SearchProductsByPhoto(
        [Description("A public URL of a JPEG, PNG or WebP photo.")] string? image_url = null,
        [Description("Or the photo itself, base64 (at most 10 MB).")] string? image_base64 = null,
        [Description("The shop's id.")] int? shop_id = null,
        [Description("How many to answer, 1 to 50 (5).")] int limit = 5)
    {
        var shop = mcp.ShopOf(shop_id);
        await mcp.LimitAsync(Endpoints.ProductEndpoints.PublicBrowsingPolicy, "Cvety:RateLimits:PublicBrowsingPerMinute", 60, TimeSpan.FromMinutes(1));
        return mcp.Answer(await mcp.InvokeAsync<SimilarProducts>(shop, new SearchSimilarProducts(image_url, image_base64, limit)));
    }

    [McpServerTool(Name = "get_product", ReadOnly = true), Description(
        "One product on sale: name, description, price (tiyn), images, composition; and whether stock covers an order now (max_quantity null: made to order).")]
    public async Task<string> GetProduct([Description("The product's id.")] int product_id, [Description("The shop's id.")] int? shop_id = null)
    {
        var shop = mcp.ShopOf(shop_id);
        var staff = mcp.Http.User.Identity?.IsAuthenticated == true;
        var product = await mcp.InvokeAsync<Product>(shop, new GetProduct(product_id, OnSaleOnly: !staff));
        var stock = await mcp.InvokeAsync<OrderPreview>(shop, new PreviewOrder([new PlaceOrder.Item(product_id, 1, null)]));
        return mcp.Answer(new { product, available = stock.Available, max_quantity = stock.Items[0].MaxQuantity });
    }

    [McpServerTool(Name = "get_shop_info", ReadOnly = true), Description(
        "What the shop tells customers: name, address, contacts, hours, whether it is open now (in its own time), delivery zones and costs (tiyn), pickup points, minimum order.")]
    public async Task<string> GetShopInfo([Description("The shop's id.")] int? shop_id = null)
    {
        var shop = mcp.ShopOf(shop_id);
        var settings = await mcp.Bus.InvokeAsync<PublicShopSettings>(new GetPublicShopSettings(shop), mcp.Aborted);
        var now = await mcp.Bus.InvokeAsync<ShopHoursNow>(new GetShopHoursNow(shop), mcp.Aborted);
        return mcp.Answer(new { settings, open_now = now });
    }

    [McpServerTool(Name = "get_faq", ReadOnly = true), Description("The shop's published questions and answers (Russian, or Kazakh with lang=kk).")]
    public async Task<string> GetFaq([Description("The shop's id.")] int? shop_id = null, [Description("ru (default) or kk.")] string? lang = null)
    {
        var shop = mcp.ShopOf(shop_id);
        return mcp.Answer(await mcp.InvokeAsync<IReadOnlyList<FaqView>>(shop, new ListFaqs(lang)));
    }

    [McpServerTool(Name = "get_delivery_slots", ReadOnly = true), Description(
        "A day's delivery slots in the shop's time: start_time, end_time, label, whether it can still be chosen and why not.")]
    public async Task<string> GetDeliverySlots([Description("The day, YYYY-MM-DD.")] DateOnly date, [Description("The shop's id.")] int? shop_id = null)
    {
        var shop = mcp.ShopOf(shop_id);
        return mcp.Answer((await mcp.Bus.InvokeAsync<DeliveryDay>(new GetDeliverySlots(shop, date), mcp.Aborted)).Slots);
    }

    [McpServerTool(Name = "validate_delivery_time", ReadOnly = true), Description(
        "Whether the shop can deliver on a day at a time (its own time zone): {valid, reason, slot, alternative_slots}.")]
    public async Task<string> ValidateDeliveryTime(
        [Description("The day, YYYY-MM-DD.")] DateOnly delivery_date,
        [Description("The time, HH:MM (24 h), or a slot \"14:00-16:00\".")] string delivery_time,
        [Description("The shop's id.")] int? shop_id = null)
    {
        var shop = mcp.ShopOf(shop_id);
        return mcp.Answer(await mcp.Bus.InvokeAsync<DeliveryValidity>(new ValidateDeliveryTime(shop, delivery_date, delivery_time), mcp.Aborted));
    }

    [McpServerTool(Name = "check_delivery_feasibility", ReadOnly = true), Description(
        "Whether the shop delivers on a day at all (a closed day, the same-day cut-off, the products' making time), and the earliest day that works: {feasible, earliest_delivery, reason}.")]
    public async Task<string> CheckDeliveryFeasibility(
        [Description("The day, YYYY-MM-DD.")] DateOnly delivery_date,
        [Description("The products in the basket, by id.")] int[]? product_ids = null,
        [Description("The shop's id.")] int? shop_id = null)
    {
        var shop = mcp.ShopOf(shop_id);
        return mcp.Answer(await mcp.Bus.InvokeAsync<DeliveryFeasibility>(new CheckDeliveryFeasibility(shop, delivery_date, product_ids), mcp.Aborted));
    }

    [McpServerTool(Name = "parse_delivery_time", ReadOnly = true), Description(
        "A customer's Russian words for a day and a time (\"завтра\", \"в пятницу\", \"к 14:00\", \"после обеда\") to a date and time in the shop's time zone: {date, time, iso_datetime}.")]
    public async Task<string> ParseDeliveryTime(
        [Description("The day in words, e.g. \"завтра\".")] string? date_str = null,
        [Description("The time in words, e.g. \"к 14:00\".")] string? time_str = null,
        [Description("The shop's id.")] int? shop_id = null)
    {
        var shop = mcp.ShopOf(shop_id);
        return mcp.Answer(await mcp.Bus.InvokeAsync<ParsedDelivery>(new ParseDeliveryPhrase(shop, date_str, time_str), mcp.Aborted));
    }

    [McpServerTool(Name = "preview_basket", ReadOnly = true), Description(
        "Check a basket before ordering: current prices and totals (tiyn), whether stock covers each line, warnings. Changes nothing.")]
    public async Task<string> PreviewBasket([Description("The lines: product_id and quantity.")] List<BasketItem> items, [Description("The shop's id.")] int? shop_id = null)
    {
        var shop = mcp.ShopOf(shop_id);
        return mcp.Answer(await mcp.InvokeAsync<OrderPreview>(shop, new PreviewOrder(Lines(items))));
    }

    [McpServerTool(Name = "place_order", Destructive = false), Description(
        "Place an order for a customer. Prices and totals come from the catalog (tiyn); delivery costs what the shop's zones say. " +
        "Answers the order as recorded: id, tracking_id (give it to the customer), order number, items, totals. " +
        "payment_method kaspi sends the customer a Kaspi payment request.")]
    public async Task<string> PlaceOrder(
        [Description("The customer's name.")] string customer_name,
        [Description("The customer's phone, e.g. +77011234567 or 87011234567.")] string phone,
        [Description("The lines: product_id and quantity.")] List<BasketItem> items,
        [Description("delivery (default) or pickup.")] string? delivery_type = null,
        [Description("Where to deliver (required for delivery).")] string? delivery_address = null,
        [Description("The delivery day, YYYY-MM-DD.")] DateOnly? delivery_date = null,
        [Description("The delivery time or slot, e.g. \"14:00-16:00\".")] string? scheduled_time = null,
        [Description("The recipient's name, when someone else receives the flowers.")] string? recipient_name = null,
        [Description("The recipient's phone.")] string? recipient_phone = null,
        [Description("Text for the postcard, at most 500 characters.")] string? postcard_text = null,
        [Description("cash (default), card or kaspi.")] string? payment_method = null,
        [Description("What the customer asked of the staff (e.g. \"позвонить получателю\").")] string? delivery_notes = null,
        [Description("The customer's Telegram user id, when they ordered through a bot: they then hear every status change.")] long? telegram_user_id = null,
        [Description("The shop's id.")] int? shop_id = null)
    {
        var shop = mcp.ShopOf(shop_id);
        await mcp.LimitAsync(Endpoints.PublicOrderEndpoints.PublicOrdersPolicy, "Cvety:RateLimits:PublicOrdersPerMinute", 10, TimeSpan.FromMinutes(1));
        var command = new Application.Orders.PlaceOrder(customer_name, phone, null, Lines(items), delivery_type, delivery_address,
            delivery_date is { } day ? DeliveryDateInput.From(day) : null, scheduled_time, null, recipient_name, recipient_phone, null, null,
            payment_method, null, null, postcard_text, telegram_user_id, delivery_notes);
        var placed = await mcp.InvokeAsync<PlacedOrder>(shop, command);
        return mcp.Answer(await mcp.InvokeAsync<OrderReceipt>(shop, new GetOrderReceipt(placed.Id)));
    }

    [McpServerTool(Name = "track_order", ReadOnly = true), Description(
        "An order as its customer sees it, by its tracking id: status in words, items, delivery, photos of the bouquet; phones masked.")]
    public async Task<string> TrackOrder([Description("The tracking id the customer was given (digits).")] string tracking_id)
    {
        var lookup = await mcp.Bus.InvokeAsync<TrackingLookup>(new ResolveTracking(tracking_id), mcp.Aborted);
        return mcp.Answer(await mcp.InvokeAsync<PublicOrderView>(lookup.ShopId, new GetPublicOrder(lookup.OrderId)));
    }

    [McpServerTool(Name = "track_orders_by_phone", ReadOnly = true), Description(
        "The shop's agent (X-Bot-Key) or staff: a customer's orders by their phone as the customer sees them, newest first (at most 10).")]
    public async Task<string> TrackOrdersByPhone([Description("The customer's phone.")] string phone, [Description("The shop's id.")] int? shop_id = null)
    {
        var shop = mcp.ShopOfStaffOrAgent(shop_id);
        return mcp.Answer(await mcp.InvokeAsync<IReadOnlyList<PublicOrderView>>(shop, new TrackOrdersByPhone(phone)));
    }

    [McpServerTool(Name = "change_order_as_customer"), Description(
        "What a customer may change on their order until the bouquet is assembled: recipient, address, day, time, postcard. Fields left out stay as they are.")]
    public async Task<string> ChangeOrderAsCustomer(
        [Description("The order's tracking id.")] string tracking_id,
        [Description("The recipient's name.")] string? recipient_name = null,
        [Description("The recipient's phone.")] string? recipient_phone = null,
        [Description("The delivery address.")] string? delivery_address = null,
        [Description("The delivery day, YYYY-MM-DD.")] DateOnly? delivery_date = null,
        [Description("The time or slot, e.g. \"14:00-16:00\".")] string? scheduled_time = null,
        [Description("The postcard's text.")] string? postcard_text = null)
    {
        var lookup = await mcp.Bus.InvokeAsync<TrackingLookup>(new ResolveTracking(tracking_id), mcp.Aborted);
        await mcp.InvokeAsync(lookup.ShopId, new EditOrderByCustomer(lookup.OrderId, recipient_name, recipient_phone, delivery_address,
            delivery_date is { } day ? DeliveryDateInput.From(day) : null, scheduled_time, postcard_text));
        return mcp.Answer(await mcp.InvokeAsync<PublicOrderView>(lookup.ShopId, new GetPublicOrder(lookup.OrderId)));
    }

    [McpServerTool(Name = "get_client_profile", ReadOnly = true), Description(
        "The shop's agent (X-Bot-Key) or staff: a client's name, saved addresses, recent orders and preferences by phone; the name only when they opted out of personalisation.")]
    public async Task<string> GetClientProfile([Description("The client's phone.")] string phone, [Description("The shop's id.")] int? shop_id = null)
    {
        var shop = mcp.ShopOfStaffOrAgent(shop_id);
        return mcp.Answer(await mcp.InvokeAsync<ClientProfile>(shop, new GetClientProfile(phone)));
    }

    [McpServerTool(Name = "set_client_privacy"), Description(
        "The shop's agent (X-Bot-Key) or staff record a client's privacy choice: personalisation on or off, or a request to be forgotten (staff then carry it out; order history is kept).")]
    public async Task<string> SetClientPrivacy(
        [Description("The client's phone.")] string phone,
        [Description("true: the assistant may use their history and preferences; false: it may not.")] bool? personalization_enabled = null,
        [Description("true: the client asks to be forgotten.")] bool? delete_data = null,
        [Description("The client's words, when they gave a reason.")] string? reason = null,
        [Description("The shop's id.")] int? shop_id = null)
    {
        var shop = mcp.ShopOfStaffOrAgent(shop_id);
        return mcp.Answer(await mcp.InvokeAsync<PrivacyAnswer>(shop, new SetClientPrivacy(phone, personalization_enabled, delete_data, reason)));
    }

    private static List<PlaceOrder.Item> Lines(List<BasketItem>? items) =>
        items is null ? [] : [.. items.Select(i => new PlaceOrder.Item(i.product_id, i.quantity, i.special_requests))];
}
