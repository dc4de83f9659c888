namespace Cvety.Application.Payments;

/// <summary>
/// Cvety:Kaspi. Each shop has its own Kaspi trade point (<c>Cvety:Kaspi:Shops:{shopId}</c>: base URL, token,
/// organisation BIN, device token); shops without their own use the defaults. Secrets come from configuration only.
/// </summary>
public sealed class KaspiOptions
{
    public const string Section = "Cvety:Kaspi";

    /// <summary>The cvety.kz PHP proxy, e.g. https://cvety.kz (calls go to {base}/api/v2/paymentkaspi/{op}/).</summary>
    [Cvety.Application.Common.HttpUrl]
    public string? BaseUrl { get; set; }

    public string? Token { get; set; }
    public string? OrganizationBin { get; set; }
    public string? DeviceToken { get; set; }

    public Dictionary<string, KaspiShopOptions> Shops { get; set; } = [];

    /// <summary>When set, replaces the polling schedule with a fixed interval (tests use seconds).</summary>
    [Cvety.Application.Common.PositiveDelays]
    public TimeSpan? PollInterval { get; set; }

    [System.ComponentModel.DataAnnotations.Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Delays between attempts of a payment or refund request while Kaspi is unreachable; empty: <see cref="DefaultRetryDelays"/>.</summary>
    [Cvety.Application.Common.PositiveDelays]
    public TimeSpan[] RetryDelays { get; set; } = [];

    public TimeSpan[] EffectiveRetryDelays => RetryDelays.Length > 0 ? RetryDelays : DefaultRetryDelays;

    /// <summary>About four hours in all, then the dead-letter store (and a person).</summary>
    public static readonly TimeSpan[] DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
    ];

    /// <summary>How long polling goes on before a payment is given up as expired.</summary>
    public static readonly TimeSpan PollFor = TimeSpan.FromHours(24);

    /// <summary>The shop's Kaspi settings, or null when the shop cannot take Kaspi payments.</summary>
    public KaspiShop? For(int shopId)
    {
        Shops.TryGetValue(shopId.ToString(System.Globalization.CultureInfo.InvariantCulture), out var own);
        var baseUrl = own?.BaseUrl ?? BaseUrl;
        var token = own?.Token ?? Token;
        if (string.IsNullOrWhiteSpace(baseUrl) || string.IsNullOrWhiteSpace(token)) return null;
        return new KaspiShop(baseUrl, token, own?.OrganizationBin ?? OrganizationBin, own?.DeviceToken ?? DeviceToken);
    }

    /// <summary>
    /// The reference schedule: every 15 s for the first 10 minutes, then every 3 minutes, up to 24 hours (null: stop).
    /// </summary>
    public TimeSpan? NextPoll(DateTimeOffset startedAt, DateTimeOffset now)
    {
        var elapsed = now - startedAt;
        if (elapsed >= PollFor) return null;
        if (PollInterval is { } fixedInterval) return fixedInterval;
        return elapsed < TimeSpan.FromMinutes(10) ? TimeSpan.FromSeconds(15) : TimeSpan.FromMinutes(3);
    }

    public TimeSpan FirstPoll => PollInterval ?? TimeSpan.FromSeconds(15);
}

public sealed class KaspiShopOptions
{
    public string? BaseUrl { get; set; }
    public string? Token { get; set; }
    public string? OrganizationBin { get; set; }
    public string? DeviceToken { get; set; }
}

/// <summary>One shop's Kaspi trade point.</summary>
public sealed record KaspiShop(string BaseUrl, string Token, string? OrganizationBin, string? DeviceToken);
