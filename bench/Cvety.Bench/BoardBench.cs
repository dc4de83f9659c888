using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Cvety.Bench;

/// <summary>The staff board (GET /admin) with its open orders, timed by the server's answer, and PostgreSQL alone fetching the same documents.</summary>
public sealed record BoardResults(int OpenOrders, int Samples, double P50Ms, double P95Ms, double SqlP50Ms, double SqlP95Ms, int Failures);

/// <summary>
/// A shop of its own with <c>openOrders</c> open orders spread over new, accepted, assembled and in delivery (and a few
/// delivered and cancelled today), then the board page rendered for a signed-in manager, one request at a time, over
/// HTTP; and, in the same run, PostgreSQL alone answering the statement that fetches the same documents.
/// </summary>
public static partial class BoardBench
{
    private const int ShopId = 17020;

    public static async Task<BoardResults> RunAsync(ApiProcess api, string connectionString, string admin, int openOrders, int samples)
    {
        await api.SendAsync(HttpMethod.Post, "/api/v1/shops", admin, new { id = ShopId, name = "Board bench", city = "Астана" });
        await api.SendAsync(HttpMethod.Post, $"/api/v1/shops/{ShopId}/users", admin, new { name = "Менеджер доски", phone = "+77010002002", password = "bench-board-1", role = "MANAGER" });
        var manager = await api.LoginAsync("+77010002002", "bench-board-1");
        var product = (await api.SendAsync(HttpMethod.Post, "/api/v1/products", manager, new { name = "Букет для доски", price = 1_250_000, type = "flowers" })).GetProperty("id").GetInt32();

        Console.WriteLine($"Board: placing {openOrders} open orders...");
        string[][] paths = [[], ["accepted"], ["accepted", "assembled"], ["accepted", "assembled", "in_delivery"]];
        var closed = openOrders / 20;
        await Measure.RunAsync("prepare", 16, openOrders + closed, async i =>
        {
            var id = (await api.SendAsync(HttpMethod.Post, "/api/v1/orders", manager, new
            {
                customerName = "Клиент " + i, phone = "+7702" + (1_000_000 + i).ToString(CultureInfo.InvariantCulture),
                items = new[] { new { product_id = product, quantity = 1 + i % 2 } }, delivery_address = "ул. Сыганак, " + i,
                delivery_date = new DateOnly(2026, 12, 1).AddDays(i % 3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                scheduled_time = "10:00-12:00", recipient_name = "Получатель " + i, payment_method = "cash",
            })).GetProperty("id").GetGuid();
            if (i >= openOrders) await api.SendAsync(HttpMethod.Post, $"/api/v1/orders/{id}/cancel", manager, new { reason = "bench" });
            else foreach (var status in paths[i % paths.Length]) await api.SendAsync(HttpMethod.Patch, $"/api/v1/orders/{id}/status", manager, new { status });
            return true;
        }, TimeSpan.FromMinutes(10));

        using var client = await SignInAsync(api.Address, "+77010002002", "bench-board-1");
        for (var i = 0; i < 10; i++) await client.GetStringAsync("/admin");
        var shown = CardCount().Matches(await client.GetStringAsync("/admin")).Count;
        if (shown < openOrders) throw new InvalidOperationException($"The board shows {shown} cards, expected at least {openOrders}.");

        Console.WriteLine($"Board: rendering it {samples} times...");
        var failures = 0;
        var api50 = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var t = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync("/admin");
            var html = await response.Content.ReadAsStringAsync();
            api50.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            if (!response.IsSuccessStatusCode || !html.Contains("data-status=\"in_delivery\"", StringComparison.Ordinal)) failures++;
        }

        // PostgreSQL alone: the same documents, in one statement, read to the end as the API reads them.
        var sql = new List<double>(samples);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                select d.data from cvety.mt_doc_orderdetails d
                where d.tenant_id = $1 and (d.data ->> 'Status' = any($2) or (d.data ->> 'Status' = any($3) and (d.data ->> 'UpdatedAt')::timestamptz >= $4))
                order by d.data ->> 'DeliveryDate', d.created_at
                """, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = ShopId.ToString(CultureInfo.InvariantCulture) });
            command.Parameters.Add(new NpgsqlParameter { Value = new[] { "new", "paid", "accepted", "assembled", "in_delivery" } });
            command.Parameters.Add(new NpgsqlParameter { Value = new[] { "delivered", "cancelled" } });
            command.Parameters.Add(new NpgsqlParameter { Value = DateTimeOffset.UtcNow.Date.AddHours(-5) });
            await command.PrepareAsync();
            for (var i = 0; i < samples + 10; i++)
            {
                var t = Stopwatch.GetTimestamp();
                var rows = 0;
                await using (var reader = await command.ExecuteReaderAsync())
                    while (await reader.ReadAsync()) { _ = reader.GetString(0); rows++; }
                if (i >= 10) sql.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (rows < openOrders) throw new InvalidOperationException($"The statement found {rows} documents, expected at least {openOrders}.");
            }
        }
        double P(List<double> values, double p) => Measure.Percentile([.. values.Order()], p);
        return new BoardResults(openOrders, samples, P(api50, 0.50), P(api50, 0.95), P(sql, 0.50), P(sql, 0.95), failures);
    }

    /// <summary>
    /// Signs in on the sign-in page as a browser does: its antiforgery token, then the session cookie. The cookies are
    /// carried by hand: the API runs with Production settings, where the session cookie is Secure, and this is plain HTTP
    /// on loopback (a TLS proxy's job in production).
    /// </summary>
    private static async Task<HttpClient> SignInAsync(Uri address, string phone, string password)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
        var cookies = new Dictionary<string, string>();
        void Keep(HttpResponseMessage response)
        {
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                cookies[pair[0]] = pair[1];
            }
            client.DefaultRequestHeaders.Remove("Cookie");
            client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value)));
        }
        using var form = await client.GetAsync("/admin/login");
        Keep(form);
        var token = Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var login = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["phone"] = phone, ["password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if ((int)login.StatusCode != 302) throw new InvalidOperationException($"Sign-in answered {(int)login.StatusCode}.");
        Keep(login);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("class=\"card\"")]
    private static partial Regex CardCount();
}
