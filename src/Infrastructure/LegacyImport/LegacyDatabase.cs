using System.Data.Common;
using System.Text.Json;
using Cvety.Application.Import;
using Npgsql;

namespace Cvety.Infrastructure.LegacyImport;

/// <summary>
/// The legacy PostgreSQL database, read in one read-only transaction (a consistent snapshot; nothing can be written
/// through it). Columns are read by name, enum labels as text, so that older lineages (reference Q9) read too.
/// </summary>
public sealed class LegacyDatabase(string connectionString) : ILegacySource
{
    /// <summary>The tables and columns the import reads: a database without one of them is not the legacy one.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Required = new Dictionary<string, string[]>
    {
        ["shop"] = ["id", "name", "owner_id", "phone", "address", "city", "weekday_start", "weekday_end", "weekday_closed", "weekend_start", "weekend_end",
            "weekend_closed", "delivery_cost", "free_delivery_amount", "pickup_available", "delivery_available", "is_active", "created_at", "updated_at"],
        ["user"] = ["id", "name", "phone", "role", "is_active", "is_superadmin", "invited_by", "shop_id", "password_hash", "created_at", "updated_at"],
        ["client"] = ["id", "phone", "customerName", "notes", "shop_id", "telegram_user_id", "telegram_username", "telegram_first_name", "created_at", "updated_at"],
        ["product"] = ["id", "name", "price", "type", "description", "manufacturingTime", "width", "height", "shelfLife", "enabled", "is_featured",
            "colors", "occasions", "cities", "tags", "image", "shop_id", "created_at", "updated_at"],
        ["productimage"] = ["id", "product_id", "url", "order", "is_primary"],
        ["productrecipe"] = ["id", "product_id", "warehouse_item_id", "quantity", "is_optional"],
        ["warehouseitem"] = ["id", "name", "quantity", "cost_price", "retail_price", "image", "last_delivery_date", "min_quantity", "shop_id", "created_at", "updated_at"],
        ["warehouseoperation"] = ["id", "warehouse_item_id", "operation_type", "quantity_change", "balance_after", "description", "old_value", "new_value", "order_id", "created_at"],
        ["inventorycheck"] = ["id", "conducted_by", "comment", "status", "applied_at", "shop_id", "created_at"],
        ["inventorycheckitem"] = ["id", "inventory_check_id", "warehouse_item_id", "warehouse_item_name", "current_quantity", "actual_quantity", "difference"],
        ["orderreservation"] = ["id", "order_id", "warehouse_item_id", "reserved_quantity", "created_at"],
        ["order"] = ["id", "shop_id", "tracking_id", "orderNumber", "customerName", "phone", "customer_email", "delivery_address", "delivery_date",
            "delivery_notes", "subtotal", "delivery_cost", "total", "status", "notes", "telegram_user_id", "bitrix_order_id", "recipient_name",
            "recipient_phone", "sender_phone", "pickup_address", "delivery_type", "scheduled_time", "payment_method", "order_comment", "bonus_points",
            "kaspi_payment_id", "kaspi_payment_status", "kaspi_payment_created_at", "kaspi_payment_completed_at", "ask_delivery_address",
            "ask_delivery_time", "assigned_to_id", "courier_id", "assigned_at", "created_at", "updated_at"],
        ["orderitem"] = ["id", "order_id", "product_id", "product_name", "product_price", "quantity", "item_total", "special_requests"],
        ["orderphoto"] = ["id", "order_id", "photo_url", "photo_type", "label", "client_feedback", "client_comment", "feedback_at", "uploaded_at"],
        ["orderhistory"] = ["id", "order_id", "changed_by", "field_name", "old_value", "new_value", "changed_at"],
    };

    /// <summary>Tables the import reads when they are there (older databases lack some of them).</summary>
    private static readonly string[] Optional = ["client_profile", "teaminvitation", "pickuplocation", "productreview", "reviewphoto", "companyreview", "faq", "staticpage"];

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public async Task<IReadOnlyList<string>> CheckSchemaAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var columns = await ColumnsAsync(connection, ct);
        var problems = new List<string>();
        foreach (var (table, required) in Required)
        {
            if (!columns.TryGetValue(table, out var have)) { problems.Add($"table \"{table}\" is missing"); continue; }
            foreach (var column in required.Where(c => !have.Contains(c))) problems.Add($"column \"{table}\".\"{column}\" is missing");
        }
        return problems;
    }

    private static async Task<Dictionary<string, HashSet<string>>> ColumnsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "select table_name, column_name from information_schema.columns where table_schema = current_schema()", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            var table = reader.GetString(0);
            if (!columns.TryGetValue(table, out var set)) columns[table] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(reader.GetString(1));
        }
        return columns;
    }

    public async Task<LegacySnapshot> ReadAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using (var readOnly = new NpgsqlCommand("set transaction read only", connection, transaction)) await readOnly.ExecuteNonQueryAsync(ct);
        var tables = (await ColumnsAsync(connection, ct)).Keys.ToHashSet();

        async Task<List<T>> Read<T>(string sql, Func<DbDataReader, T> map)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct)) rows.Add(map(reader));
            return rows;
        }

        var optOuts = tables.Contains("client_profile")
            ? (await Read("select client_id, allow_personalization from client_profile", r => (Id: r.GetInt32(0), Allow: r.GetBoolean(1)))).ToLookup(p => p.Id, p => p.Allow)
            : null;
        var reviewPhotos = tables.Contains("reviewphoto")
            ? (await Read("select review_id, url from reviewphoto order by \"order\", id", r => (Id: r.GetInt32(0), Url: r.GetString(1)))).ToLookup(p => p.Id, p => p.Url)
            : null;

        var snapshot = new LegacySnapshot
        {
            Shops = await Read("""
                select id, name, owner_id, phone, address, city::text, weekday_start, weekday_end, weekday_closed, weekend_start, weekend_end, weekend_closed,
                       delivery_cost, free_delivery_amount, pickup_available, delivery_available, is_active, created_at, updated_at from shop
                """, r => new LegacyShopRow(r.GetInt32(0), Str(r, 1) ?? "", Int(r, 2), Str(r, 3), Str(r, 4), Str(r, 5), Str(r, 6), Str(r, 7), Bool(r, 8),
                    Str(r, 9), Str(r, 10), Bool(r, 11), Long(r, 12) ?? 0, Long(r, 13) ?? 0, Bool(r, 14, true), Bool(r, 15, true), Bool(r, 16, true), Time(r, 17), Time(r, 18))),
            Users = await Read("""
                select id, name, phone, role::text, is_active, is_superadmin, invited_by, shop_id, password_hash, created_at, updated_at from "user"
                """, r => new LegacyUserRow(r.GetInt32(0), Str(r, 1) ?? "", Str(r, 2) ?? "", Str(r, 3) ?? "", Bool(r, 4, true), Bool(r, 5), Int(r, 6), Int(r, 7),
                    Str(r, 8) ?? "", Time(r, 9), Time(r, 10))),
            Invitations = tables.Contains("teaminvitation")
                ? await Read("select id, phone, name, role::text, invited_by, status::text, created_at from teaminvitation",
                    r => new LegacyInvitationRow(r.GetInt32(0), Str(r, 1) ?? "", Str(r, 2) ?? "", Str(r, 3) ?? "", Int(r, 4) ?? 0, Str(r, 5) ?? "", Time(r, 6)))
                : [],
            Clients = await Read("""
                select id, phone, "customerName", notes, shop_id, telegram_user_id, telegram_username, telegram_first_name, created_at, updated_at from client
                """, r => new LegacyClientRow(r.GetInt32(0), Str(r, 1) ?? "", Str(r, 2), Str(r, 3), Int(r, 4), Str(r, 5), Str(r, 6), Str(r, 7), Time(r, 8), Time(r, 9),
                    optOuts is not null && optOuts[r.GetInt32(0)].Any(a => !a) ? false : null)),
            Products = await Read("""
                select id, name, price, type::text, description, "manufacturingTime", width, height, "shelfLife", enabled, is_featured,
                       colors::text, occasions::text, cities::text, tags::text, image, shop_id, created_at, updated_at from product
                """, r => new LegacyProductRow(r.GetInt32(0), Str(r, 1) ?? "", Long(r, 2) ?? 0, Str(r, 3) ?? "", Str(r, 4), Int(r, 5), Int(r, 6), Int(r, 7), Int(r, 8),
                    Bool(r, 9, true), Bool(r, 10), Strings(r, 11), Strings(r, 12), Strings(r, 13), Strings(r, 14), Str(r, 15), Int(r, 16), Time(r, 17), Time(r, 18))),
            ProductImages = await Read("""select id, product_id, url, "order", is_primary from productimage""",
                r => new LegacyProductImageRow(r.GetInt32(0), r.GetInt32(1), Str(r, 2) ?? "", Int(r, 3) ?? 0, Bool(r, 4))),
            Recipes = await Read("select id, product_id, warehouse_item_id, quantity, is_optional from productrecipe",
                r => new LegacyRecipeRow(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), Int(r, 3) ?? 0, Bool(r, 4))),
            WarehouseItems = await Read("""
                select id, name, quantity, cost_price, retail_price, image, last_delivery_date, min_quantity, shop_id, created_at, updated_at from warehouseitem
                """, r => new LegacyWarehouseItemRow(r.GetInt32(0), Str(r, 1) ?? "", Int(r, 2) ?? 0, Long(r, 3) ?? 0, Long(r, 4) ?? 0, Str(r, 5), Time(r, 6), Int(r, 7),
                    Int(r, 8), Time(r, 9), Time(r, 10))),
            Operations = await Read("""
                select id, warehouse_item_id, operation_type::text, quantity_change, balance_after, description, old_value, new_value, order_id,
                       null::int as user_id, created_at from warehouseoperation
                """.Replace("null::int as user_id", (await HasColumnAsync(connection, transaction, "warehouseoperation", "user_id", ct)) ? "user_id" : "null::int as user_id"),
                r => new LegacyOperationRow(r.GetInt32(0), r.GetInt32(1), Str(r, 2) ?? "", Int(r, 3) ?? 0, Int(r, 4) ?? 0, Str(r, 5) ?? "", Long(r, 6), Long(r, 7), Int(r, 8),
                    Int(r, 9), Time(r, 10))),
            Checks = await Read("select id, conducted_by, comment, status, applied_at, shop_id, created_at from inventorycheck",
                r => new LegacyCheckRow(r.GetInt32(0), Str(r, 1) ?? "", Str(r, 2), Str(r, 3) ?? "pending", Time(r, 4), Int(r, 5), Time(r, 6))),
            CheckItems = await Read("""
                select id, inventory_check_id, warehouse_item_id, warehouse_item_name, current_quantity, actual_quantity, difference from inventorycheckitem
                """, r => new LegacyCheckItemRow(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), Str(r, 3) ?? "", Int(r, 4) ?? 0, Int(r, 5) ?? 0, Int(r, 6) ?? 0)),
            Reservations = await Read("select id, order_id, warehouse_item_id, reserved_quantity, created_at from orderreservation",
                r => new LegacyReservationRow(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), Int(r, 3) ?? 0, Time(r, 4))),
            Orders = await Read("""
                select id, shop_id, tracking_id, "orderNumber", "customerName", phone, customer_email, delivery_address, delivery_date, delivery_notes,
                       subtotal, delivery_cost, total, status::text, notes, telegram_user_id, bitrix_order_id, recipient_name, recipient_phone, sender_phone,
                       pickup_address, delivery_type, scheduled_time, payment_method, order_comment, bonus_points, kaspi_payment_id, kaspi_payment_status,
                       kaspi_payment_created_at, kaspi_payment_completed_at, ask_delivery_address, ask_delivery_time, assigned_to_id, courier_id, assigned_at,
                       created_at, updated_at from "order"
                """, r => new LegacyOrderRow(r.GetInt32(0), Int(r, 1), Str(r, 2) ?? "", Str(r, 3) ?? "", Str(r, 4) ?? "", Str(r, 5) ?? "", Str(r, 6), Str(r, 7), Time(r, 8),
                    Str(r, 9), Long(r, 10) ?? 0, Long(r, 11) ?? 0, Long(r, 12) ?? 0, Str(r, 13) ?? "", Str(r, 14), Str(r, 15), Long(r, 16), Str(r, 17), Str(r, 18),
                    Str(r, 19), Str(r, 20), Str(r, 21), Str(r, 22), Str(r, 23), Str(r, 24), Int(r, 25), Str(r, 26), Str(r, 27), Time(r, 28), Time(r, 29),
                    Bool(r, 30), Bool(r, 31), Int(r, 32), Int(r, 33), Time(r, 34), Time(r, 35), Time(r, 36))),
            OrderItems = await Read("""
                select id, order_id, product_id, product_name, product_price, quantity, item_total, special_requests from orderitem
                """, r => new LegacyOrderItemRow(r.GetInt32(0), r.GetInt32(1), Int(r, 2) ?? 0, Str(r, 3) ?? "", Long(r, 4) ?? 0, Int(r, 5) ?? 1, Long(r, 6) ?? 0, Str(r, 7))),
            Photos = await Read("""
                select id, order_id, photo_url, photo_type, label, client_feedback, client_comment, feedback_at, uploaded_at from orderphoto
                """, r => new LegacyPhotoRow(r.GetInt32(0), r.GetInt32(1), Str(r, 2) ?? "", Str(r, 3), Str(r, 4), Str(r, 5)?.Trim().ToLowerInvariant(), Str(r, 6), Time(r, 7), Time(r, 8))),
            History = await Read("select id, order_id, changed_by, field_name, old_value, new_value, changed_at from orderhistory",
                r => new LegacyHistoryRow(r.GetInt32(0), r.GetInt32(1), Str(r, 2) ?? "", Str(r, 3) ?? "", Str(r, 4), Str(r, 5),
                    r.IsDBNull(6) ? null : r.GetFieldValue<DateTime>(6) is var t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null)),
            PickupLocations = tables.Contains("pickuplocation")
                ? await Read("select id, address, landmark, enabled, display_order, shop_id from pickuplocation",
                    r => new LegacyPickupRow(r.GetInt32(0), Str(r, 1) ?? "", Str(r, 2), Bool(r, 3, true), Int(r, 4) ?? 0, Int(r, 5)))
                : [],
            Reviews =
            [
                .. tables.Contains("companyreview")
                    ? await Read("select id, shop_id, author_name, rating, text, created_at from companyreview",
                        r => new LegacyReviewRow(r.GetInt32(0), null, Int(r, 1), Str(r, 2) ?? "", Int(r, 3) ?? 0, Str(r, 4) ?? "", Time(r, 5), []))
                    : [],
                .. tables.Contains("productreview")
                    ? await Read("select id, product_id, author_name, rating, text, created_at from productreview",
                        r => new LegacyReviewRow(r.GetInt32(0), r.GetInt32(1), null, Str(r, 2) ?? "", Int(r, 3) ?? 0, Str(r, 4) ?? "", Time(r, 5),
                            reviewPhotos?[r.GetInt32(0)].ToList() ?? []))
                    : [],
            ],
            Faqs = tables.Contains("faq")
                ? await Read("select id, question, answer, category, display_order, enabled, shop_id, updated_at from faq",
                    r => new LegacyFaqRow(r.GetInt32(0), Str(r, 1) ?? "", Str(r, 2) ?? "", Str(r, 3), Int(r, 4) ?? 0, Bool(r, 5, true), Int(r, 6), Time(r, 7)))
                : [],
            Pages = tables.Contains("staticpage")
                ? await Read("select id, slug, title, content, enabled, shop_id, updated_at from staticpage",
                    r => new LegacyPageRow(r.GetInt32(0), Str(r, 1) ?? "", Str(r, 2) ?? "", Str(r, 3) ?? "", Bool(r, 4, true), Int(r, 5), Time(r, 6)))
                : [],
        };
        await transaction.RollbackAsync(ct);
        return snapshot;
    }

    private static async Task<bool> HasColumnAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string column, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "select count(*) from information_schema.columns where table_schema = current_schema() and table_name = @t and column_name = @c", connection, transaction);
        command.Parameters.AddWithValue("t", table);
        command.Parameters.AddWithValue("c", column);
        return (long)(await command.ExecuteScalarAsync(ct))! > 0;
    }

    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
    private static int? Int(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt32(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
    private static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
    private static bool Bool(DbDataReader r, int i, bool otherwise = false) => r.IsDBNull(i) ? otherwise : r.GetBoolean(i);
    private static DateTime? Time(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTime>(i);

    /// <summary>A JSON array of strings (colours, occasions, cities, tags); anything else is no list.</summary>
    private static IReadOnlyList<string> Strings(DbDataReader r, int i)
    {
        if (r.IsDBNull(i)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<JsonElement>>(r.GetString(i))?.Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
