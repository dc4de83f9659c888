using Microsoft.Extensions.DependencyInjection;

namespace Cvety.IntegrationTests.Infrastructure;

public static class Eventually
{
    /// <summary>Polls until the condition holds or the time is up; asynchronous work (the outbox) settles in its own time.</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(200);
        }
        return await condition();
    }
}

/// <summary>
/// Waiting on the system rather than on the clock: "nothing more happens" is "no message of that kind is waiting to
/// be handled or scheduled to run" in Wolverine's durable inbox, which is where every follow-up (a retry, the next
/// poll, a delivery to Bitrix) waits before it can act.
/// </summary>
public static class Settled
{
    public static async Task<bool> NothingPendingAsync(this CvetyApi api, params Type[] messages)
    {
        var names = messages.Select(m => m.FullName!).ToArray();
        var data = api.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        var schema = api.Services.GetRequiredService<Marten.IDocumentStore>().Options.DatabaseSchemaName;
        return await Eventually.HoldsAsync(async () =>
        {
            await using var count = data.CreateCommand(
                $"select count(*) from {schema}.wolverine_incoming_envelopes where status in ('Incoming', 'Scheduled') and message_type = any($1)");
            count.Parameters.AddWithValue(names);
            return (long)(await count.ExecuteScalarAsync())! == 0;
        });
    }
}
