using System.Globalization;
using System.Security.Cryptography;
using Marten;

namespace Cvety.Application.Orders;

/// <summary>The two names an order gets when it is placed: the shop's running number and the public tracking id.</summary>
public static class OrderIdentity
{
    /// <summary>The shop's next number, <c>#00001</c>, from one atomic upsert; a rolled-back placement may leave a gap, never a duplicate.</summary>
    public static async Task<string> NextOrderNumberAsync(IQuerySession session, int shopId, CancellationToken ct)
    {
        var table = $"{session.DocumentStore.Options.DatabaseSchemaName}.{OrdersModule.OrderNumbersTable}";
        var next = await session.AdvancedSql.QueryAsync<int>(
            $"insert into {table} as n (shop_id, last_number) values (?, 1) " +
            "on conflict (shop_id) do update set last_number = n.last_number + 1 returning n.last_number",
            ct, shopId);
        return "#" + next[0].ToString("D5", CultureInfo.InvariantCulture);
    }

    /// <summary>A random 9-digit public id, unique across all shops (the lookup's primary key guarantees it).</summary>
    public static async Task<string> NewTrackingIdAsync(IQuerySession session, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var id = RandomNumberGenerator.GetInt32(100_000_000, 1_000_000_000).ToString(CultureInfo.InvariantCulture);
            if (await session.LoadAsync<TrackingLookup>(id, ct) is null || attempt >= 5) return id;
        }
    }
}
