using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace Cvety.Bench;

/// <summary>The switch-over import of a generated legacy database, and PostgreSQL alone copying the rows it wrote.</summary>
public sealed record ImportResults(int Orders, int HistoryRows, int ItemRows, double ImportSeconds, double OrdersPerSecond, int DeltaOrders, double DeltaSeconds,
    long RowsWritten, double CopySecondsMedian, double CopyOrdersPerSecond, int ExitCode, int DeltaExitCode)
{
    public double Ratio => OrdersPerSecond / CopyOrdersPerSecond;
}

/// <summary>
/// A legacy database of <c>orders</c> orders (two lines and two history rows each, a photo on every fifth, a Kaspi
/// payment on every third, a tenth as many clients), written with COPY; then <c>import-legacy</c> as docs/operating.md runs it,
/// into a new Cvety database, timed; a delta run after 1% of the orders moved and 1% were added; and, in the same run,
/// PostgreSQL alone COPYing every row the import wrote (events, streams, documents) into tables of the same shape and
/// indexes: the rate the database could write the same data at, three times, the median.
/// </summary>
public static class ImportBench
{
    private const int Shop = 17008;

    public static async Task<ImportResults> RunAsync(string apiDll, string serverConnection, int orders)
    {
        var legacy = await CreateDatabaseAsync(serverConnection, "legacy_bench");
        var cvety = await CreateDatabaseAsync(serverConnection, "cvety_import_bench");
        Console.WriteLine($"Import: generating a legacy database of {orders} orders...");
        await GenerateAsync(legacy, orders);

        Console.WriteLine("Import: import-legacy...");
        var (code, seconds) = await ImportAsync(apiDll, legacy, cvety);
        Console.WriteLine($"  {orders} orders in {seconds:F1} s ({orders / seconds:F0} orders/s), exit code {code}");

        var delta = Math.Max(1, orders / 100);
        await using (var db = new NpgsqlConnection(legacy))
        {
            await db.OpenAsync();
            await Exec(db, $"update \"order\" set status = 'DELIVERED', updated_at = now() where id % 100 = 7");
            await AppendOrdersAsync(db, orders + 1, delta, 0);
        }
        Console.WriteLine($"Import: a delta run after {delta} orders moved and {delta} were added...");
        var (deltaCode, deltaSeconds) = await ImportAsync(apiDll, legacy, cvety);
        Console.WriteLine($"  {deltaSeconds:F1} s, exit code {deltaCode}");

        Console.WriteLine("Import: PostgreSQL alone COPYing the rows the import wrote...");
        var (rows, copies) = await CopyCeilingAsync(cvety);
        var copy = copies.Order().ElementAt(copies.Count / 2);
        Console.WriteLine($"  {rows} rows in {string.Join(", ", copies.Select(c => c.ToString("F1", CultureInfo.InvariantCulture)))} s (median {copy:F1} s)");
        return new ImportResults(orders, orders * 2, orders * 2, seconds, orders / seconds, delta * 2, deltaSeconds, rows, copy, orders / copy, code, deltaCode);
    }

    private static async Task<string> CreateDatabaseAsync(string server, string name)
    {
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using var db = new NpgsqlConnection(admin.ConnectionString);
        await db.OpenAsync();
        await Exec(db, $"drop database if exists {name} with (force)");
        await Exec(db, $"create database {name}");
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task<(int Code, double Seconds)> ImportAsync(string apiDll, string legacy, string cvety)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath(),
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Marten"] = cvety,
                ["Cvety__Jwt__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
                ["Serilog__MinimumLevel__Default"] = "Warning",
            },
        };
        psi.ArgumentList.Add(Path.GetFullPath(apiDll));
        foreach (var a in new[] { "import-legacy", "--from", legacy, "--report", Path.Combine(Path.GetTempPath(), "cvety-import-bench.json") }) psi.ArgumentList.Add(a);
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (process.ExitCode != 0) Console.WriteLine((await output)[^Math.Min(2000, (await output).Length)..] + await error);
        return (process.ExitCode, seconds);
    }

    /// <summary>The legacy shape (the test project's legacy-schema.sql, linked into the bench) and its rows, with COPY.</summary>
    private static async Task GenerateAsync(string connection, int orders)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await Exec(db, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "legacy-schema.sql")));
        var hash = BCrypt.Net.BCrypt.HashPassword("bench-director-1", BCrypt.Net.BCrypt.GenerateSalt(10, 'b'));
        await Exec(db, $"""
            insert into "user" (id, name, phone, role, password_hash, created_at) values (1, 'Директор', '+77080000001', 'DIRECTOR', '{hash}', '2023-01-01');
            insert into shop (id, name, owner_id, city, created_at) values ({Shop}, 'Cvety.kz', 1, 'Astana', '2023-01-01');
            update "user" set shop_id = {Shop};
            insert into product (id, name, price, type, shop_id, created_at, updated_at)
              select 600000 + g, 'Букет ' || g, 500000 + g * 1000, 'FLOWERS', {Shop}, '2023-01-01', '2023-01-01' from generate_series(1, 200) g;
            insert into warehouseitem (id, name, quantity, cost_price, retail_price, shop_id, created_at, updated_at)
              select g, 'Цветок ' || g, 100, 20000, 40000, {Shop}, '2023-01-01', '2023-01-01' from generate_series(1, 30) g;
            insert into warehouseoperation (warehouse_item_id, operation_type, quantity_change, balance_after, description, created_at)
              select g, 'DELIVERY', 100, 100, 'Начальная поставка', '2023-01-01' from generate_series(1, 30) g;
            insert into client (phone, "customerName", shop_id, created_at, updated_at)
              select '+7701' || lpad(g::text, 7, '0'), 'Клиент ' || g, {Shop}, '2023-01-01', '2023-01-01' from generate_series(1, {Math.Max(1, orders / 10)}) g;
            """);
        await AppendOrdersAsync(db, 1, orders, 0);
    }

    private static async Task AppendOrdersAsync(NpgsqlConnection db, int first, int count, int _)
    {
        var start = new DateTime(2024, 1, 1, 6, 0, 0);
        await using (var writer = await db.BeginBinaryImportAsync("""
            copy "order" (id, shop_id, tracking_id, "orderNumber", "customerName", phone, delivery_address, delivery_date, subtotal, delivery_cost, total,
                          status, recipient_name, recipient_phone, delivery_type, payment_method, kaspi_payment_id, kaspi_payment_status, created_at, updated_at)
            from stdin (format binary)
            """))
        {
            for (var i = first; i < first + count; i++)
            {
                var created = start.AddMinutes(i * 7 % 500_000);
                await writer.StartRowAsync();
                await writer.WriteAsync(i, NpgsqlDbType.Integer);
                await writer.WriteAsync(Shop, NpgsqlDbType.Integer);
                await writer.WriteAsync((100_000_000 + i).ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                await writer.WriteAsync("#" + i.ToString("D5", CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                await writer.WriteAsync("Клиент " + (i % 1000), NpgsqlDbType.Varchar);
                await writer.WriteAsync("+7701" + (i % Math.Max(1, count / 10) + 1).ToString("D7", CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                await writer.WriteAsync("ул. Кенесары, " + i, NpgsqlDbType.Varchar);
                await writer.WriteAsync(created.AddDays(1), NpgsqlDbType.Timestamp);
                await writer.WriteAsync(2_000_000L, NpgsqlDbType.Integer);
                await writer.WriteAsync(150_000, NpgsqlDbType.Integer);
                await writer.WriteAsync(2_150_000, NpgsqlDbType.Integer);
                await writer.WriteAsync(i % 4 == 0 ? "DELIVERED" : "ACCEPTED", NpgsqlDbType.Unknown);
                await writer.WriteAsync("Получатель " + i, NpgsqlDbType.Varchar);
                await writer.WriteAsync("+77020000002", NpgsqlDbType.Varchar);
                await writer.WriteAsync("delivery", NpgsqlDbType.Varchar);
                await writer.WriteAsync(i % 3 == 0 ? "kaspi" : "cash", NpgsqlDbType.Varchar);
                if (i % 3 == 0) await writer.WriteAsync("128" + i.ToString("D8", CultureInfo.InvariantCulture), NpgsqlDbType.Varchar); else await writer.WriteNullAsync();
                if (i % 3 == 0) await writer.WriteAsync("Processed", NpgsqlDbType.Varchar); else await writer.WriteNullAsync();
                await writer.WriteAsync(created, NpgsqlDbType.Timestamp);
                await writer.WriteAsync(created.AddHours(20), NpgsqlDbType.Timestamp);
            }
            await writer.CompleteAsync();
        }
        await Exec(db, $"""
            insert into orderitem (order_id, product_id, product_name, product_price, quantity, item_total)
              select o, 600001 + (o % 200), 'Букет ' || (1 + o % 200), 1000000, 1, 1000000 from generate_series({first}, {first + count - 1}) o
              union all select o, 600001 + ((o + 7) % 200), 'Букет ' || (1 + (o + 7) % 200), 1000000, 1, 1000000 from generate_series({first}, {first + count - 1}) o;
            insert into orderhistory (order_id, changed_by, field_name, old_value, new_value, changed_at)
              select o, 'admin', 'recipient_name', 'Получатель', 'Получатель ' || o, (select created_at from "order" where id = o) + interval '1 hour'
                from generate_series({first}, {first + count - 1}) o
              union all select o, 'admin', 'status', 'new', 'accepted', (select created_at from "order" where id = o) + interval '2 hours'
                from generate_series({first}, {first + count - 1}) o;
            insert into orderphoto (order_id, photo_url, photo_type, label, uploaded_at)
              select o, 'https://flower-shop-images.example/' || o || '.jpg', 'delivery', 'Фото до доставки', (select created_at from "order" where id = o) + interval '3 hours'
                from generate_series({first}, {first + count - 1}) o where o % 5 = 0;
            """);
    }

    /// <summary>Every row the import wrote, COPYed out and back into tables of the same shape and indexes; seconds of each COPY in.</summary>
    private static async Task<(long Rows, List<double> Seconds)> CopyCeilingAsync(string cvety)
    {
        await using var db = new NpgsqlConnection(cvety);
        await db.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = 'cvety' and (table_name like 'mt_doc_%' or table_name in ('mt_events', 'mt_streams')) and table_type = 'BASE TABLE'", db))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));

        var data = new Dictionary<string, byte[]>();
        long rows = 0;
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select count(*) from cvety.{table}", db);
            var n = (long)(await count.ExecuteScalarAsync())!;
            if (n == 0) continue;
            rows += n;
            using var buffer = new MemoryStream();
            await using (var output = await db.BeginRawBinaryCopyAsync($"copy cvety.{table} to stdout (format binary)")) await output.CopyToAsync(buffer);
            data[table] = buffer.ToArray();
        }

        var seconds = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            await Exec(db, "drop schema if exists copy_bench cascade; create schema copy_bench;");
            foreach (var table in data.Keys) await Exec(db, $"create table copy_bench.{table} (like cvety.{table} including all)");
            var started = Stopwatch.GetTimestamp();
            foreach (var (table, bytes) in data)
                await using (var input = await db.BeginRawBinaryCopyAsync($"copy copy_bench.{table} from stdin (format binary)"))
                    await input.WriteAsync(bytes);
            seconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        await Exec(db, "drop schema copy_bench cascade");
        return (rows, seconds);
    }

    private static async Task Exec(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}
