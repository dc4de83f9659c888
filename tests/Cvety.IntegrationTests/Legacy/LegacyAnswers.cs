using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cvety.IntegrationTests.Catalog;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Legacy;

/// <summary>
/// What each legacy client reads from Cvety's answers, route by route, along the field paths its code reads
/// (<c>../shared/reference/legacy-answers.md</c>): renaming or dropping a field, or changing its unit or format,
/// fails here. The requests are the clients' own.
/// </summary>
public sealed class when_each_legacy_client_reads_the_answers(CvetyApi api) : LegacyClientTest(api)
{
    /// <summary>One call of a client: who calls, what it sends, and the paths (with their kinds) it reads.</summary>
    private sealed record Read(string Caller, string Method, string Url, string? Body, params string[] Paths);

    /// <summary>Everything the answers need to hold something: an order with items, a photo and history, stock, a recipe, clients.</summary>
    private sealed class World
    {
        public required ShopWorld Shop { get; init; }
        public required string OrderId { get; init; }
        public required string TrackingId { get; init; }
        public required string KaspiPaymentId { get; init; }
        public required string ItemId { get; init; }
        public required string ClientId { get; init; }
    }

    private async Task<World> ArrangeAsync()
    {
        var shop = await ShopWorld.CreateAsync(Api);
        var director = Api.Client(shop.Director);
        var manager = Api.Client(shop.Manager);

        // The settings screen's hours and delivery, as the admin SPA sends them.
        (await director.PutAsJsonAsyncRaw("/api/v1/shop/working-hours", """{"weekday_start":"09:00","weekday_end":"20:00","weekend_start":"10:00","weekend_end":"18:00"}"""))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await director.PutAsJsonAsyncRaw("/api/v1/shop/settings", """{"name":"Cvety.kz","address":"пр. Абая, 1","city":"Astana","phone":"+77010000000"}"""))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        // A featured product with a photo, a warehouse item with a delivery and a recipe.
        (await manager.PutAsJsonAsyncRaw($"/api/v1/products/{shop.Bouquet}", """{"is_featured":true,"colors":["Красный"],"manufacturingTime":60,"shelfLife":5}""")).EnsureSuccessStatusCode();
        (await manager.UploadImageAsync(shop.Bouquet, Catalog.Bouquets.Photo(1), primary: true)).StatusCode.Should().Be(HttpStatusCode.Created);
        var item = await manager.PostRaw("/api/v1/warehouse/", """{"name":"Роза красная","quantity":50,"cost_price_tenge":300,"retail_price_tenge":600,"min_quantity":5}""");
        item.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.Created);
        var itemId = JsonId((await item.Json()).GetProperty("id"));
        (await manager.PostRaw($"/api/v1/warehouse/{itemId}/delivery", """{"quantity":10,"comment":"поставка"}""")).EnsureSuccessStatusCode();
        (await manager.PostRaw($"/api/v1/products/{shop.Roses}/recipe/batch", $$"""{"items":[{"warehouse_item_id":"{{itemId}}","quantity":15}]}""")).EnsureSuccessStatusCode();

        // An order through the admin SPA's wizard, moved, photographed and paid by Kaspi.
        var placed = await Created(await manager.PostRaw("/api/v1/orders/with-items", $$"""
            {"customerName":"Айгуль","phone":"+77010000001","customer_email":null,"delivery_address":"пр. Достык, 1","delivery_date":"2026-12-10T08:00:00.000Z",
             "delivery_notes":"позвонить","delivery_cost":0,"check_availability":true,"recipient_name":"Анара","recipient_phone":"+77020000002","payment_method":"kaspi",
             "items":[{"product_id":{{shop.Bouquet}},"quantity":2,"special_requests":"без упаковки"},{"product_id":{{shop.Roses}},"quantity":1}]}
            """));
        var orderId = JsonId(placed.GetProperty("id"));
        var tracking = placed.GetProperty("tracking_id").GetString()!;
        (await manager.SendAsync(Request(HttpMethod.Patch, $"/api/v1/orders/{orderId}/status?status=accepted&notes=ok"))).EnsureSuccessStatusCode();
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Catalog.Bouquets.Photo(2));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "file", "bouquet.jpg");
            (await Api.Client(shop.Florist).PostAsync($"/api/v1/orders/{orderId}/photo", form)).EnsureSuccessStatusCode();
        }
        string? kaspiId = null;
        (await Eventually.HoldsAsync(async () =>
        {
            var order = await (await manager.GetAsync($"/api/v1/orders/{orderId}")).Json();
            kaspiId = order.TryGetProperty("kaspi_payment_id", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            return kaspiId is not null;
        }, TimeSpan.FromSeconds(20))).Should().BeTrue("the Kaspi payment is requested through the outbox");

        // The clients screen: the order's customer has a card; a review for the marketplace.
        var clients = await (await manager.GetAsync("/api/v1/clients/")).Json();
        var clientId = JsonId(clients[0].GetProperty("id"));
        (await Api.Client().PostRaw("/api/v1/reviews/company?shop_id=17008", """{"rating":5,"text":"Спасибо!","author_name":"Айгуль"}""")).EnsureSuccessStatusCode();
        var bot = Api.Client();
        bot.DefaultRequestHeaders.Add("X-Bot-Key", CvetyApi.BotKey);
        (await bot.PostRaw("/api/v1/telegram/client/register",
            """{"telegram_user_id":5550001,"phone":"77015211545","customer_name":"Айгуль","shop_id":17008,"telegram_username":"aigul","telegram_first_name":"Айгуль"}"""))
            .EnsureSuccessStatusCode();

        return new World { Shop = shop, OrderId = orderId, TrackingId = tracking, KaspiPaymentId = kaspiId!, ItemId = itemId, ClientId = clientId };
    }

    private static string JsonId(JsonElement id) => id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.GetString()!;

    private static readonly string[] OrderList =
    [
        "[].id:id", "[].tracking_id:tracking", "[].orderNumber:number", "[].customerName:str", "[].phone:str", "[].customer_email:str?",
        "[].status:status", "[].total:int", "[].created_at:naive", "[].delivery_address:str?", "[].delivery_date:naive?", "[].delivery_notes:str?",
        "[].notes:str?", "[].payment_method:str?", "[].kaspi_payment_id:str?", "[].kaspi_payment_status:kaspi?",
        "[].assigned_to_name:str?", "[].courier_name:str?",
        "[].items[].product_name:str", "[].items[].quantity:int", "[].items[].product_price:int", "[].items[].item_total:int", "[].items[].special_requests:str?",
        "[].photos:arr",
    ];

    private static readonly string[] OrderDetail =
    [
        "id:id", "tracking_id:tracking", "orderNumber:number", "customerName:str", "phone:str", "customer_email:str?", "status:status", "total:int",
        "subtotal:int", "delivery_cost:int", "created_at:naive", "updated_at:naive", "delivery_address:str?", "delivery_date:naive?", "delivery_notes:str?", "notes:str?",
        "payment_method:str?", "kaspi_payment_id:str?", "kaspi_payment_status:kaspi?", "kaspi_payment_created_at:naive?", "recipient_name:str?",
        "recipient_phone:str?", "scheduled_time:str?", "delivery_type:str?", "bonus_points:int", "ask_delivery_address:bool", "ask_delivery_time:bool",
        "assigned_to_name:str?", "courier_name:str?",
        "items[].id:id", "items[].product_id:int", "items[].product_name:str", "items[].product_price:int", "items[].quantity:int", "items[].item_total:int",
        "items[].special_requests:str?",
        "photos[].photo_url:str", "photos[].url:str", "photos[].label:str?", "photos[].photo_type:str?", "photos[].client_feedback:str?", "photos[].client_comment:str?",
        "photos[].feedback:str?", "photos[].comment:str?",
    ];

    private static readonly string[] ProductRead =
    [
        "id:int", "name:str", "price:int", "type:lower", "description:str?", "manufacturingTime:int?", "width:int?", "height:int?", "shelfLife:int?",
        "enabled:bool", "is_featured:bool", "colors:strs", "occasions:strs", "cities:strs", "tags:strs", "image:str?", "images:arr",
        "created_at:naive", "updated_at:naive",
    ];

    private IEnumerable<Read> AdminSpa(World w) =>
    [
        new("anonymous", "POST", "/api/v1/auth/login", """{"phone":"+77010000102","password":"password-MANAGER"}""",
            "access_token:str", "token_type:str", "user.id:id", "user.name:str", "user.phone:str", "user.role:ROLE", "user.is_superadmin:bool", "user.is_active:bool"),
        new("manager", "POST", "/api/v1/auth/refresh", null, "access_token:str", "user.role:ROLE", "user.name:str"),
        new("manager", "GET", "/api/v1/auth/me", null, "id:id", "name:str", "phone:str", "role:ROLE", "is_superadmin:bool", "is_active:bool"),
        new("manager", "GET", "/api/v1/auth/users", null, "[].id:id", "[].name:str", "[].role:ROLE"),
        new("director", "GET", "/api/v1/profile/team", null, "[].id:id", "[].name:str", "[].phone:str", "[].role:ROLE"),
        new("director", "POST", "/api/v1/profile/team/invite", """{"phone":"+77010000199","name":"Новый флорист","role":"FLORIST"}""", "invitation_code:str"),
        new("director", "GET", "/api/v1/profile/team/invitations", null,
            "[].id:id", "[].name:str?", "[].phone:str", "[].role:ROLE", "[].status:lower", "[].invitation_code:str", "[].expires_at:iso?"),
        new("director", "GET", "/api/v1/shop/settings", null,
            "name:str", "address:str?", "city:str?", "weekday_start:hhmm", "weekday_end:hhmm", "weekend_start:hhmm", "weekend_end:hhmm",
            "delivery_cost:int", "free_delivery_amount:int", "pickup_available:bool", "delivery_available:bool"),
        new("director", "PUT", "/api/v1/shop/working-hours", """{"weekday_start":"09:00","weekday_end":"20:00","weekend_start":"10:00","weekend_end":"18:00"}""",
            "weekday_start:hhmm", "weekday_end:hhmm"),
        new("director", "PUT", "/api/v1/shop/delivery", """{"delivery_cost":150000,"free_delivery_amount":2500000,"pickup_available":true,"delivery_available":true}""",
            "delivery_cost:int", "free_delivery_amount:int"),
        new("manager", "GET", "/api/v1/products/admin?skip=0&limit=50&enabled_only=false", null, [.. ProductRead.Select(p => "[]." + p)]),
        new("manager", "GET", $"/api/v1/products/{w.Shop.Bouquet}", null, ProductRead),
        new("manager", "GET", $"/api/v1/products/{w.Shop.Bouquet}/detail", null, "images[].url:str", "images[].id:id"),
        new("manager", "GET", $"/api/v1/products/{w.Shop.Roses}/recipe", null,
            "recipes[].id:id", "recipes[].warehouse_item_id:id", "recipes[].quantity:int", "recipes[].is_optional:bool",
            "recipes[].warehouse_item.name:str", "recipes[].warehouse_item.cost_price:int", "recipes[].warehouse_item.quantity:int", "total_cost:int"),
        new("manager", "POST", "/api/v1/products/", """{"name":"Тюльпаны","price":900000,"type":"flowers","description":"Весна","enabled":true}""", "id:int"),
        new("manager", "GET", "/api/v1/orders/?skip=0&limit=20", null, OrderList),
        new("manager", "GET", "/api/v1/orders/?status=accepted", null, "[].orderNumber:number"),
        new("manager", "GET", $"/api/v1/orders/{w.OrderId}", null, OrderDetail),
        new("manager", "POST", "/api/v1/orders/with-items", $$"""
            {"customerName":"Дана","phone":"+77010000003","delivery_address":"ул. Кенесары, 1","delivery_date":"2026-12-11T09:00:00.000Z","delivery_cost":0,
             "payment_method":"cash","items":[{"product_id":{{w.Shop.Bouquet}},"quantity":1}]}
            """, "id:id", "orderNumber:number"),
        new("manager", "GET", $"/api/v1/orders/{w.OrderId}/history", null,
            "[].id:id", "[].order_id:id", "[].changed_by:str", "[].field_name:str", "[].old_value:str?", "[].new_value:str?", "[].changed_at:iso"),
        new("manager", "GET", "/api/v1/warehouse/?skip=0&limit=100", null,
            "[].id:id", "[].name:str", "[].image:str?", "[].quantity:int", "[].min_quantity:int", "[].retail_price:int", "[].cost_price:int", "[].last_delivery_date:naive?"),
        new("manager", "GET", $"/api/v1/warehouse/{w.ItemId}", null,
            "cost_price:int", "retail_price:int", "name:str", "quantity:int", "operations[].id:id", "operations[].operation_type:lower", "operations[].quantity_change:int",
            "operations[].balance_after:int", "operations[].description:str?", "operations[].created_at:naive", "operations[].user_name:str?"),
        new("manager", "GET", "/api/v1/inventory/prepare/items", null, "[].id:id", "[].name:str", "[].image:str?", "[].current_quantity:int"),
        new("manager", "POST", "/api/v1/inventory/", $$"""{"conducted_by":"Менеджер","comment":"пересчёт","items":[{"warehouse_item_id":"{{w.ItemId}}","actual_quantity":58}]}""", "id:id"),
        new("manager", "GET", "/api/v1/clients/?skip=0&limit=100", null,
            "[].id:id?", "[].phone:str", "[].customerName:str?", "[].customer_since:dmy?", "[].total_orders:int", "[].total_spent:int", "[].average_order:int",
            "[].last_order_number:number?", "[].last_order_status:status?", "[].first_order_date:naive?", "[].last_order_date:naive?"),
        new("manager", "GET", $"/api/v1/clients/{w.ClientId}", null,
            "id:id", "phone:str", "customerName:str?", "total_orders:int", "total_spent:int", "average_order:int", "customer_since:dmy?", "notes:str?",
            "orders[].id:id", "orders[].orderNumber:number", "orders[].customerName:str", "orders[].phone:str", "orders[].total:int", "orders[].status:status",
            "orders[].created_at:naive", "orders[].delivery_date:naive?", "orders[].delivery_address:str?", "orders[].notes:str?"),
        new("manager", "PUT", $"/api/v1/clients/{w.ClientId}", """{"customerName":"Айгуль Б.","phone":"+77010000001"}""", "customerName:str", "phone:str"),
        new("admin", "GET", "/api/v1/superadmin/shops", null, "[].id:int", "[].name:str", "[].phone:str?", "[].city:str?", "[].is_active:bool", "[].created_at:naive"),
        new("admin", "GET", "/api/v1/superadmin/shops/17008", null,
            "shop.id:int", "shop.name:str", "shop.phone:str?", "shop.address:str?", "shop.city:str?", "shop.is_active:bool", "shop.created_at:naive",
            "owner.name:str?", "owner.phone:str?", "users[].id:id", "users[].name:str", "users[].phone:str", "users[].role:ROLE", "users[].is_active:bool",
            "users[].is_superadmin:bool", "stats.products_count:int", "stats.orders_count:int", "stats.users_count:int"),
        new("admin", "GET", "/api/v1/superadmin/users", null,
            "[].id:id", "[].name:str", "[].phone:str", "[].role:ROLE", "[].is_active:bool", "[].is_superadmin:bool", "[].created_at:naive"),
        new("admin", "GET", "/api/v1/superadmin/products", null,
            "[].id:int", "[].name:str", "[].price:int", "[].description:str?", "[].enabled:bool", "[].shop_id:int", "[].shop_name:str"),
        new("admin", "GET", "/api/v1/superadmin/orders", null,
            "[].id:id", "[].customerName:str", "[].phone:str", "[].total:int", "[].status:status", "[].shop_id:int", "[].shop_name:str", "[].created_at:naive"),
        new("admin", "GET", $"/api/v1/superadmin/orders/{w.OrderId}", null,
            "order.id:id", "order.tracking_id:tracking", "order.orderNumber:number", "order.customerName:str", "order.phone:str", "order.delivery_address:str?",
            "order.delivery_date:naive?", "order.scheduled_time:str?", "order.subtotal:int", "order.delivery_cost:int", "order.total:int", "order.status:status",
            "order.notes:str?", "order.created_at:naive", "shop.id:int", "shop.name:str",
            "items[].id:id", "items[].product_name:str", "items[].product_price:int", "items[].quantity:int", "items[].item_total:int"),
        new("admin", "GET", "/api/v1/superadmin/stats", null,
            "shops.total:int", "shops.active:int", "users.total:int", "users.active:int", "products.total:int", "orders.total:int"),
    ];

    private IEnumerable<Read> ShopSpa(World w) =>
    [
        new("anonymous", "GET", "/api/v1/shop/settings/public?shop_id=17008", null,
            "shop_name:str", "phone:str?", "address:str?", "city:str?", "weekday_hours:hours", "weekend_hours:hours", "weekday_closed:bool", "weekend_closed:bool",
            "delivery_cost_tenge:int", "free_delivery_threshold_tenge:int", "pickup_available:bool", "delivery_available:bool"),
        new("anonymous", "GET", "/api/v1/products?shop_id=17008&limit=20&skip=0&enabled_only=true", null,
            "[].id:int", "[].name:str", "[].price:int", "[].image:str?", "[].images:arr", "[].is_featured:bool"),
        new("anonymous", "GET", $"/api/v1/products?shop_id=17008&search=%D0%91%D1%83%D0%BA%D0%B5%D1%82", null,
            "[].images[].is_primary:bool", "[].images[].url:str"),
        new("anonymous", "GET", $"/api/v1/products/{w.Shop.Bouquet}", null,
            "id:int", "name:str", "price:int", "type:lower", "description:str?", "colors:strs", "occasions:strs", "image:str?", "images:arr"),
        new("anonymous", "GET", "/api/v1/products/public/featured?skip=0&limit=20", null, "[].id:int", "[].image:str?", "[].name:str", "[].price:int", "[].is_featured:bool"),
        new("anonymous", "GET", "/api/v1/products/public/bestsellers?limit=20", null, "[].id:int", "[].image:str?", "[].name:str", "[].price:int", "[].is_featured:bool"),
        new("anonymous", "GET", "/api/v1/shops/", null, "[].id:int", "[].name:str", "[].rating:num?", "[].review_count:int", "[].is_open:bool", "[].delivery_cost_tenge:int"),
        new("anonymous", "GET", "/api/v1/reviews/platform?limit=10&offset=0", null,
            "reviews[].id:id", "reviews[].author_name:str", "reviews[].created_at:iso", "reviews[].rating:int", "reviews[].shop_name:str", "reviews[].text:str",
            "reviews[].likes:int", "reviews[].dislikes:int", "stats.total_count:int", "stats.average_rating:num", "pagination.has_more:bool"),
        new("anonymous", "POST", "/api/v1/orders/public/create?shop_id=17008", $$"""
            {"customerName":"+77015211545","phone":"+77015211545","customer_email":null,"delivery_address":"ул. Кенесары, 40","delivery_cost":150000,
             "delivery_notes":"Завтра, 12:00-14:00","notes":"","recipient_name":"Анара","recipient_phone":"+77020000002","pickup_address":null,
             "delivery_type":"delivery","payment_method":"kaspi","items":[{"product_id":{{w.Shop.Bouquet}},"quantity":1,"special_requests":""}],"check_availability":false}
            """, "id:id", "tracking_id:tracking"),
        new("anonymous", "POST", "/api/v1/orders/public/preview?shop_id=17008", $$"""{"items":[{"product_id":{{w.Shop.Bouquet}},"quantity":1}]}""",
            "available:bool", "items[].product_id:int", "items[].available:bool", "subtotal:int", "total:int"),
        new("anonymous", "GET", $"/api/v1/orders/by-tracking/{w.TrackingId}/status", null,
            "order_number:number", "status:trackstatus", "photos[].url:str", "photos[].label:str?", "photos[].feedback:str?", "payment_method:str",
            "kaspi_payment_id:str?", "kaspi_payment_status:kaspi?", "sender.phone:str?", "date_time:iso", "recipient.name:str?", "recipient.phone:str?",
            "delivery_address:str?", "items[].name:str", "items[].price:int", "delivery_cost:int", "total:int"),
        new("anonymous", "PUT", $"/api/v1/orders/by-tracking/{w.TrackingId}?changed_by=customer",
            """{"recipient_name":"Анара Б.","delivery_address":"ул. Кенесары, 42","delivery_date":"2026-12-11","delivery_time":"16:00-18:00","notes":"","delivery_notes":""}""",
            "order_number:number", "status:trackstatus"),
        new("anonymous", "POST", $"/api/v1/orders/by-tracking/{w.TrackingId}/photo/feedback", """{"feedback":"like","comment":"Красиво"}""",
            "photos[].feedback:str?"),
    ];

    private IEnumerable<Read> Bots(World w) =>
    [
        new("bot", "GET", "/api/v1/telegram/client?telegram_user_id=5550001&shop_id=17008", null,
            "id:id", "phone:str", "customerName:str?", "telegram_user_id:digits", "telegram_username:str?", "telegram_first_name:str?", "shop_id:int"),
        new("bot", "POST", "/api/v1/telegram/client/register",
            """{"telegram_user_id":5550002,"phone":"+77015211546","customer_name":"Дана","shop_id":17008,"telegram_username":null,"telegram_first_name":"Дана"}""",
            "id:id", "phone:str", "customerName:str?", "telegram_user_id:digits", "shop_id:int"),
    ];

    private IEnumerable<Read> AiAgent(World w) =>
    [
        new("anonymous", "GET", "/api/v1/products/?shop_id=17008&enabled_only=true&product_type=flowers&limit=10", null,
            "[].id:int", "[].name:str", "[].price:int", "[].image:str?", "[].images:arr", "[].description:str?"),
        new("anonymous", "GET", $"/api/v1/products/{w.Shop.Bouquet}?shop_id=17008", null, "id:int", "name:str", "price:int", "images:arr"),
        new("anonymous", "GET", "/api/v1/shop/settings/public?shop_id=17008", null,
            "shop_name:str", "weekday_hours:hours", "weekend_hours:hours", "weekday_closed:bool", "weekend_closed:bool", "phone:str?", "address:str?", "city:str?"),
        // The agent asks for the staff settings without a token; it gets what anyone may see, in the same shape.
        new("anonymous", "GET", "/api/v1/shop/settings?shop_id=17008", null,
            "name:str", "address:str?", "weekday_start:hhmm", "weekday_end:hhmm", "weekend_start:hhmm", "weekend_end:hhmm", "delivery_cost:int", "free_delivery_amount:int"),
        new("anonymous", "POST", "/api/v1/orders/public/create?shop_id=17008", $$"""
            {"customerName":"Айгуль","phone":"87015211545","delivery_address":"пр. Абая, 2","delivery_type":"delivery","items":[{"product_id":{{w.Shop.Roses}},"quantity":1}],
             "total_price":100,"recipient_name":"Анара","recipient_phone":"87020000002","notes":"от агента","ask_delivery_address":false,"ask_delivery_time":false,
             "payment_method":"cash","telegram_user_id":"5550001","delivery_date":"2026-12-12T15:00:00"}
            """, "id:id", "tracking_id:tracking", "orderNumber:number"),
        new("bot", "POST", "/api/v1/kaspi/create?shop_id=17008", """{"phone":"+77015211545","amount":1500.0,"message":"Оплата букета"}""",
            "success:bool", "external_id:str?", "status:kaspi?", "error:str?"),
        new("bot", "GET", $"/api/v1/kaspi/status/{w.KaspiPaymentId}?shop_id=17008", null, "success:bool", "external_id:str", "status:kaspi?"),
        new("bot", "GET", "/api/v1/client_profile?phone=%2B77010000001&shop_id=17008", null,
            "client_id:id", "allow_personalization:bool", "frequent_recipients:arr", "last_order_at:iso?"),
        new("bot", "PATCH", "/api/v1/client_profile/privacy?phone=%2B77010000001&action=disable_personalization&shop_id=17008", null,
            "success:bool", "message:str", "client_id:id", "action:str"),
    ];

    private IEnumerable<Read> McpServer(World w) =>
    [
        new("anonymous", "GET", "/api/v1/delivery/feasibility?shop_id=17008&delivery_date=2026-12-20", null, "feasible:bool", "earliest_delivery:naive?", "reason:str?"),
        new("anonymous", "POST", "/api/v1/delivery/parse?shop_id=17008", """{"date_str":"завтра","time_str":"к 14:00"}""",
            "date:ymd", "time:hhmm", "iso_datetime:naive", "original_date:str?", "original_time:str?"),
        new("anonymous", "GET", "/api/v1/delivery/slots?shop_id=17008&date=2026-12-20", null, "[].start_time:naive", "[].end_time:naive", "[].available:bool", "[].reason:str?"),
        new("anonymous", "POST", "/api/v1/delivery/validate?shop_id=17008&delivery_time=2026-12-20T14:00:00", null, "valid:bool", "delivery_time:str", "reason:str?"),
        new("anonymous", "GET", "/api/v1/shop/settings/public?shop_id=17008", null,
            "weekday_start:hhmm?", "weekday_end:hhmm?", "weekend_start:hhmm?", "weekend_end:hhmm?", "weekday_closed:bool", "weekend_closed:bool", "address:str?"),
        new("anonymous", "GET", "/api/v1/content/faqs?shop_id=17008", null, "[]:arr"),
        new("anonymous", "POST", "/api/v1/orders/public/preview?shop_id=17008", $$"""[{"product_id":{{w.Shop.Bouquet}},"quantity":2}]""",
            "available:bool", "items:arr", "warnings:arr", "subtotal:int", "delivery_cost:int", "total:int"),
        new("anonymous", "GET", "/api/v1/reviews/company?shop_id=17008&limit=5&offset=0", null, "reviews:arr", "stats.total_count:int", "pagination:obj"),
        new("anonymous", "GET", $"/api/v1/orders/by-tracking/{w.TrackingId}/status", null, "order_number:number", "status:trackstatus", "total:int"),
    ];

    private async Task<List<string>> ReadAllAsync(World w, IEnumerable<Read> reads)
    {
        var failures = new List<string>();
        foreach (var read in reads)
        {
            var client = read.Caller switch
            {
                "manager" => Api.Client(w.Shop.Manager),
                "director" => Api.Client(w.Shop.Director),
                "admin" => Api.Client(w.Shop.Admin),
                _ => Api.Client(),
            };
            if (read.Caller == "bot") client.DefaultRequestHeaders.Add("X-Bot-Key", CvetyApi.BotKey);
            var request = new HttpRequestMessage(new HttpMethod(read.Method), read.Url);
            if (read.Body is not null) request.Content = new StringContent(read.Body, Encoding.UTF8, "application/json");
            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                failures.Add($"{read.Method} {read.Url}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
                continue;
            }
            var answer = JsonDocument.Parse(text).RootElement;
            foreach (var path in read.Paths)
            {
                var cut = path.LastIndexOf(':');
                if (path[..cut] == "[]") { if (answer.ValueKind != JsonValueKind.Array) failures.Add($"{read.Method} {read.Url}: not a bare array"); continue; }
                failures.AddRange(LegacyContract.Check(answer, path[..cut], path[(cut + 1)..]).Select(f => $"{read.Method} {read.Url}: {f}"));
            }
        }
        return failures;
    }

    [Fact]
    public async Task the_admin_spa_finds_every_field_it_reads()
    {
        var world = await ArrangeAsync();
        string.Join("\n", await ReadAllAsync(world, AdminSpa(world))).Should().BeEmpty();
    }

    [Fact]
    public async Task the_shop_spa_finds_every_field_it_reads()
    {
        var world = await ArrangeAsync();
        string.Join("\n", await ReadAllAsync(world, ShopSpa(world))).Should().BeEmpty();
    }

    [Fact]
    public async Task the_telegram_bots_find_every_field_they_read_and_null_for_a_stranger()
    {
        var world = await ArrangeAsync();
        string.Join("\n", await ReadAllAsync(world, Bots(world))).Should().BeEmpty();
        var bot = Api.Client();
        bot.DefaultRequestHeaders.Add("X-Bot-Key", CvetyApi.BotKey);
        var stranger = await bot.GetAsync("/api/v1/telegram/client?telegram_user_id=999&shop_id=17008");
        stranger.StatusCode.Should().Be(HttpStatusCode.OK);
        (await stranger.Content.ReadAsStringAsync()).Should().Be("null");
    }

    [Fact]
    public async Task the_ai_agent_finds_every_field_it_reads()
    {
        var world = await ArrangeAsync();
        string.Join("\n", await ReadAllAsync(world, AiAgent(world))).Should().BeEmpty();
    }

    [Fact]
    public async Task the_mcp_server_finds_every_field_it_reads()
    {
        var world = await ArrangeAsync();
        string.Join("\n", await ReadAllAsync(world, McpServer(world))).Should().BeEmpty();
    }
}

public static class RawJson
{
    public static Task<HttpResponseMessage> PutAsJsonAsyncRaw(this HttpClient client, string url, string json) =>
        client.PutAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
}
