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
