using Microsoft.Extensions.Caching.Memory;

namespace Cvety.Api.Auth;

public sealed class LoginThrottleSettings
{
    [System.ComponentModel.DataAnnotations.Range(1, 1000)]
    public int MaxFailuresPerPhone { get; set; } = 5;
    [System.ComponentModel.DataAnnotations.Range(1, 10_000)]
    public int MaxFailuresPerClient { get; set; } = 20;
    [System.ComponentModel.DataAnnotations.Range(1, 24 * 60)]
    public int FailureWindowMinutes { get; set; } = 15;
}

/// <summary>
/// Counts failed sign-ins per phone and client address and per client address alone. Past the limit the caller
/// waits out the window (429), so that guessing passwords, for one account or across many, is slow.
/// </summary>
public sealed class LoginThrottle(IMemoryCache cache, LoginThrottleSettings settings)
{
    private TimeSpan Window => TimeSpan.FromMinutes(settings.FailureWindowMinutes);

    public bool IsBlocked(string phone, string client, out TimeSpan retryAfter)
    {
        retryAfter = Window;
        return Count(PhoneKey(phone, client)) >= settings.MaxFailuresPerPhone
            || Count(ClientKey(client)) >= settings.MaxFailuresPerClient;
    }

    public void RecordFailure(string phone, string client)
    {
        Increment(PhoneKey(phone, client));
        Increment(ClientKey(client));
    }

    public void Reset(string phone, string client) => cache.Remove(PhoneKey(phone, client));

    private int Count(string key) => cache.TryGetValue(key, out Counter? c) ? c!.Value : 0;

    private void Increment(string key)
    {
        var counter = cache.GetOrCreate(key, e =>
        {
            e.AbsoluteExpirationRelativeToNow = Window;
            return new Counter();
        })!;
        Interlocked.Increment(ref counter.Value);
    }

    private static string PhoneKey(string phone, string client) => $"login-fail:{client}:{phone.Trim()}";

    private static string ClientKey(string client) => $"login-fail:{client}";

    private sealed class Counter
    {
        public int Value;
    }
}
