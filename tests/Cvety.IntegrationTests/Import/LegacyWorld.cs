using Cvety.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cvety.IntegrationTests.Import;

/// <summary>
/// A legacy database made from the reference's shape (legacy-schema.sql) and seeded with the quirks a real one holds:
/// old phone formats, a storefront order without a delivery date whose history misses its last moves, a customer
/// with no client row, two client rows of one phone, rows without a shop, a tracking id with a leading zero, an
/// inactive florist, the platform's superadmin, a Kaspi payment, a photo with its like, a ledger that ends where the
/// item's quantity is.
/// </summary>
public sealed class LegacyWorld
{
    public const string DirectorPassword = "legacy-pass-1";
    public const string StorefrontTracking = "012345678";
    public const int Shop = 17008;

    public required string ConnectionString { get; init; }

    public static async Task<LegacyWorld> CreateAsync(TestDatabase server)
    {
        var connection = await server.CreateDatabaseAsync("legacy");
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await Exec(db, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Import", "legacy-schema.sql")));
        var hash = BCrypt.Net.BCrypt.HashPassword(DirectorPassword, BCrypt.Net.BCrypt.GenerateSalt(10, 'b'));
        await Exec(db, $$"""
            insert into "user" (id, name, phone, role, is_active, is_superadmin, shop_id, password_hash, created_at, updated_at) values
              (1, 'Супер', '+77015211545', 'SUPERADMIN', true, true, null, '{{hash}}', '2024-01-10 08:00:00', '2024-01-10 08:00:00'),
              (2, 'Жанна', '77088888888', 'DIRECTOR', true, false, null, '{{hash}}', '2024-02-01 09:00:00', '2024-02-01 09:00:00'),
              (3, 'Айдана', '+7 701 111 2233', 'FLORIST', true, false, null, '{{hash}}', '2024-02-02 09:00:00', '2024-02-02 09:00:00'),
              (4, 'Бывший флорист', '87012223344', 'FLORIST', false, false, null, '{{hash}}', '2024-02-03 09:00:00', '2024-06-01 09:00:00'),
              (5, 'Ерлан', '+77013334455', 'COURIER', true, false, null, '{{hash}}', '2024-02-04 09:00:00', '2024-02-04 09:00:00');
            insert into shop (id, name, owner_id, phone, address, city, weekday_start, weekday_end, weekend_start, weekend_end, weekend_closed,
                              delivery_cost, free_delivery_amount, created_at, updated_at)
              values ({{Shop}}, 'Cvety.kz', 2, '+77088888888', 'пр. Мангилик Ел, 20', 'Astana', '09:00', '20:00', '10:00', '18:00', false, 200000, 2500000,
                      '2024-02-01 09:00:00', '2024-03-01 09:00:00');
            update "user" set shop_id = {{Shop}} where id in (2, 3, 4, 5);
            insert into pickuplocation (address, landmark, enabled, display_order, shop_id) values ('пр. Мангилик Ел, 20', 'ТЦ Хан Шатыр', true, 0, {{Shop}});

            insert into client (id, phone, "customerName", notes, shop_id, telegram_user_id, created_at, updated_at) values
              (1, '+77015211545', 'Айгуль', 'Любит белые розы', {{Shop}}, '5550001', '2024-03-01 10:00:00', '2024-03-01 10:00:00'),
              (2, '87015211545', 'Клиент +77015211545', '', {{Shop}}, null, '2024-03-02 10:00:00', '2024-03-02 10:00:00'),
              (3, '+77019998877', 'Марат', null, {{Shop}}, null, '2024-03-03 10:00:00', '2024-03-03 10:00:00'),
              (4, '+77010000000', 'Без магазина', null, null, null, '2024-03-03 10:00:00', '2024-03-03 10:00:00');
            insert into client_profile (client_id, shop_id, allow_personalization) values (3, {{Shop}}, false);

            insert into warehouseitem (id, name, quantity, cost_price, retail_price, min_quantity, shop_id, created_at, updated_at) values
              (1, 'Роза красная', 37, 30000, 60000, 10, {{Shop}}, '2024-03-01 08:00:00', '2024-04-10 08:00:00');
            insert into product (id, name, price, type, description, enabled, is_featured, colors, tags, image, shop_id, created_at, updated_at) values
              (668826, 'Букет из 15 роз', 1782000, 'FLOWERS', 'Красные розы', true, true, '["Красный"]', '["urgent"]',
               'https://flower-shop-images.example/roses.jpg', {{Shop}}, '2024-03-01 09:00:00', '2024-03-01 09:00:00'),
              (668827, 'Снятый букет', 990000, 'FLOWERS', null, false, false, null, null, null, {{Shop}}, '2024-03-01 09:00:00', '2024-03-05 09:00:00'),
              (900001, 'Чужой товар', 100, 'GIFTS', null, true, false, null, null, null, null, '2024-03-01 09:00:00', '2024-03-01 09:00:00');
            insert into productimage (product_id, url, "order", is_primary) values
              (668826, 'https://flower-shop-images.example/roses.jpg', 0, true), (668826, 'https://flower-shop-images.example/roses-2.jpg', 1, false);
            insert into productrecipe (product_id, warehouse_item_id, quantity, is_optional) values (668826, 1, 15, false);

            -- The storefront's order: no delivery date, the customer's words in delivery_notes, the phone in customerName, an old
            -- phone format, paid with Kaspi, photographed and liked; its history stops at "accepted" although it was delivered.
            insert into "order" (id, shop_id, tracking_id, "orderNumber", "customerName", phone, delivery_address, delivery_date, delivery_notes, subtotal,
                                 delivery_cost, total, status, recipient_name, recipient_phone, delivery_type, payment_method, kaspi_payment_id,
                                 kaspi_payment_status, kaspi_payment_created_at, kaspi_payment_completed_at, created_at, updated_at) values
              (1, {{Shop}}, '{{StorefrontTracking}}', '#00041', '+77015211545', '8 701 521 15 45', 'ул. Кенесары, 40', null, 'Завтра, 12:00-14:00', 1782000,
               200000, 1982000, 'DELIVERED', 'Анара', '87020000002', 'delivery', 'kaspi', '12800627001', 'Processed', '2024-04-01 06:00:05', '2024-04-01 06:03:00',
               '2024-04-01 06:00:00', '2024-04-02 11:30:00');
            insert into orderitem (order_id, product_id, product_name, product_price, quantity, item_total) values (1, 668826, 'Букет из 15 роз', 1782000, 1, 1782000);
            insert into orderhistory (order_id, changed_by, field_name, old_value, new_value, changed_at) values
              (1, 'admin', 'status', 'paid', 'accepted', '2024-04-01 07:00:00+00');
            insert into orderphoto (order_id, photo_url, photo_type, label, client_feedback, client_comment, feedback_at, uploaded_at) values
              (1, 'https://flower-shop-images.example/order-1.jpg', 'delivery', 'Фото до доставки', 'like', 'Красиво!', '2024-04-01 09:10:00', '2024-04-01 09:00:00');

            -- The admin SPA's order: a UTC delivery date, the recipient changed, a florist assigned, still accepted, stock held for it.
            insert into "order" (id, shop_id, tracking_id, "orderNumber", "customerName", phone, delivery_address, delivery_date, subtotal, delivery_cost, total,
                                 status, recipient_name, recipient_phone, delivery_type, scheduled_time, payment_method, assigned_to_id, assigned_at, created_at, updated_at) values
              (2, {{Shop}}, '987654321', '#00042', 'Марат', '+77019998877', 'пр. Абая, 10', '2024-04-05 08:00:00', 1782000, 0, 1782000, 'ACCEPTED',
               'Дана', '+77021112233', 'delivery', null, 'cash', 3, '2024-04-03 10:05:00', '2024-04-03 10:00:00', '2024-04-03 10:05:00');
            insert into orderitem (order_id, product_id, product_name, product_price, quantity, item_total) values (2, 668826, 'Букет из 15 роз', 1782000, 1, 1782000);
            insert into orderhistory (order_id, changed_by, field_name, old_value, new_value, changed_at) values
              (2, 'admin', 'recipient_name', 'Даня', 'Дана', '2024-04-03 10:01:00+00'),
              (2, 'admin', 'status', 'OrderStatus.NEW', 'OrderStatus.ACCEPTED', '2024-04-03 10:02:00+00'),
              (2, 'admin', 'assigned_to', null, 'Айдана (ID: 3)', '2024-04-03 10:05:00+00');
            insert into orderreservation (order_id, warehouse_item_id, reserved_quantity, created_at) values (2, 1, 15, '2024-04-03 10:00:00');

            -- Cancelled by the customer, with the reason in the history's own words; its customer has no client row.
            insert into "order" (id, shop_id, tracking_id, "orderNumber", "customerName", phone, subtotal, delivery_cost, total, status, delivery_type,
                                 payment_method, created_at, updated_at) values
              (3, {{Shop}}, '555444333', '#00043', 'Серик', '+77051234567', 990000, 0, 990000, 'CANCELLED', 'pickup', 'cash', '2024-04-04 12:00:00', '2024-04-04 12:30:00');
            insert into orderhistory (order_id, changed_by, field_name, old_value, new_value, changed_at) values
              (3, 'customer', 'status', 'new', 'cancelled (Reason: клиент передумал)', '2024-04-04 12:30:00+00');

            -- A row without a shop (before multitenancy): reported, not assigned.
            insert into "order" (id, shop_id, tracking_id, "orderNumber", "customerName", phone, subtotal, delivery_cost, total, status, created_at, updated_at) values
              (4, null, '111222333', '#00001', 'asdf', '424234', 0, 0, 0, 'NEW', '2023-01-01 00:00:00', '2023-01-01 00:00:00');
            insert into ordercounter (id, counter) values (1, 43);

            -- The ledger: 50 delivered, 15 sold for order 2 (via its reservation path in the legacy: here the sale of order 1),
            -- 3 written off, a retail price change, and a stock-take that counted 37.
            insert into warehouseoperation (warehouse_item_id, operation_type, quantity_change, balance_after, description, old_value, new_value, order_id, user_id, created_at) values
              (1, 'DELIVERY', 50, 50, 'Начальная поставка', null, null, null, null, '2024-03-01 08:00:00'),
              (1, 'SALE', -15, 35, 'Order Assembly - ##00041 (from reservation)', null, null, 1, null, '2024-04-01 08:00:00'),
              (1, 'WRITEOFF', -3, 32, 'Списание: завяли', null, null, null, null, '2024-04-05 08:00:00'),
              (1, 'PRICE_CHANGE', 0, 32, 'Розничная цена: 600₸ → 650₸', 60000, 65000, null, 2, '2024-04-06 08:00:00'),
              (1, 'INVENTORY', 5, 37, 'Инвентаризация: было 32 шт, стало 37 шт (излишки 5). Проводил: Жанна', null, null, null, null, '2024-04-10 08:00:00');
            update warehouseitem set retail_price = 65000 where id = 1;
            insert into inventorycheck (id, conducted_by, comment, status, applied_at, shop_id, created_at) values
              (1, 'Жанна', 'Плановая', 'applied', '2024-04-10 08:00:00', {{Shop}}, '2024-04-10 07:30:00');
            insert into inventorycheckitem (inventory_check_id, warehouse_item_id, warehouse_item_name, current_quantity, actual_quantity, difference) values
              (1, 1, 'Роза красная', 32, 37, 5);

            insert into companyreview (author_name, rating, text, shop_id, created_at) values ('Айгуль', 5, 'Спасибо, всё вовремя!', {{Shop}}, '2024-04-02 12:00:00');
            insert into productreview (id, product_id, author_name, rating, text, created_at) values (1, 668826, 'Дана', 4, 'Свежие розы', '2024-04-06 12:00:00');
            insert into reviewphoto (review_id, url) values (1, 'https://flower-shop-images.example/review-1.jpg');
            insert into faq (question, answer, category, display_order, enabled, shop_id) values ('Как оплатить?', 'Kaspi или наличными', 'orders', 1, true, {{Shop}});
            insert into staticpage (slug, title, content, enabled, shop_id) values ('delivery', 'Доставка', 'Доставляем по Астане с 9 до 20.', true, {{Shop}});
            select setval(pg_get_serial_sequence('"order"', 'id'), 100);
            select setval(pg_get_serial_sequence('orderhistory', 'id'), 100);
            """);
        return new LegacyWorld { ConnectionString = connection };
    }

    public async Task ExecAsync(string sql)
    {
        await using var db = new NpgsqlConnection(ConnectionString);
        await db.OpenAsync();
        await Exec(db, sql);
    }

    private static async Task Exec(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }
}
