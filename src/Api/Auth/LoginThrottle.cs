using Cvety.Infrastructure.Database;

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
/// waits out the window (429), so that guessing passwords, for one account or across many, is slow. The counts are
/// the cluster's (<see cref="ClusterLimits"/>): a caller who spreads guesses over several API nodes gets no more.
/// </summary>
public sealed class LoginThrottle(ClusterLimits limits, LoginThrottleSettings settings)
{
    public TimeSpan Window => TimeSpan.FromMinutes(settings.FailureWindowMinutes);

    public async Task<bool> IsBlockedAsync(string phone, string client, CancellationToken ct) =>
        await limits.CountAsync(PhoneKey(phone, client), Window, ct) >= settings.MaxFailuresPerPhone
        || await limits.CountAsync(ClientKey(client), Window, ct) >= settings.MaxFailuresPerClient;

    public async Task RecordFailureAsync(string phone, string client, CancellationToken ct)
    {
        await limits.HitAsync(PhoneKey(phone, client), Window, ct);
        await limits.HitAsync(ClientKey(client), Window, ct);
    }

    public Task ResetAsync(string phone, string client, CancellationToken ct) => limits.ResetAsync(PhoneKey(phone, client), ct);

    private static string PhoneKey(string phone, string client) => $"login-fail:{client}:{phone.Trim()}";

    private static string ClientKey(string client) => $"login-fail:{client}";
}
