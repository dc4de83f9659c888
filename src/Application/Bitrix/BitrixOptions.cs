using System.ComponentModel.DataAnnotations;
using Cvety.Application.Common;
using Cvety.Domain.Orders;

namespace Cvety.Application.Bitrix;

/// <summary>Cvety:Bitrix. Secrets come from configuration only.</summary>
public sealed class BitrixOptions
{
    public const string Section = "Cvety:Bitrix";

    [HttpUrl]
    public string? BaseUrl { get; set; }

    /// <summary>Our bearer token for Bitrix's API.</summary>
    public string? ApiToken { get; set; }

    /// <summary>What Bitrix sends us: the X-Webhook-Secret header and the body token.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>When set, webhooks must carry a valid Standard Webhooks signature made with this key (base64, optionally whsec_-prefixed).</summary>
    public string? SigningKey { get; set; }

    /// <summary>The shop whose orders live in Bitrix (17008 = cvety.kz).</summary>
    [Range(1, int.MaxValue)]
    public int ShopId { get; set; } = 17008;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Bitrix status code -> our status. In configuration (appsettings.json), not code: Bitrix has ~30 codes whose meanings sources disagree on.</summary>
    public Dictionary<string, string> StatusMap { get; set; } = [];

    /// <summary>Delays between attempts of an outbound call before it lands in the dead-letter store; empty: <see cref="DefaultRetryDelays"/>.</summary>
    [PositiveDelays]
    public TimeSpan[] RetryDelays { get; set; } = [];

    public TimeSpan[] EffectiveRetryDelays => RetryDelays.Length > 0 ? RetryDelays : DefaultRetryDelays;

    /// <summary>About eight hours in all. (Configuration binding appends to arrays, so the default is not the property's initial value.)</summary>
    public static readonly TimeSpan[] DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4),
    ];

    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How often the Bitrix shop's catalog is imported from the production products API (durable schedule).</summary>
    [PositiveDelays]
    public TimeSpan ProductImportInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Whether the import schedule runs at all (it needs <see cref="OutboundEnabled"/> too).</summary>
    public bool ScheduleProductImport { get; set; } = true;

    public bool OutboundEnabled => !string.IsNullOrWhiteSpace(BaseUrl) && !string.IsNullOrWhiteSpace(ApiToken);

    public bool TryMap(string? code, out OrderStatus status)
    {
        status = default;
        return code is not null && StatusMap.TryGetValue(code.Trim(), out var name) && OrderStatuses.TryParse(name, out status);
    }

    /// <summary>The code we send Bitrix for our status.</summary>
    public static string CodeFor(OrderStatus status) => status switch
    {
        OrderStatus.New => "N",
        OrderStatus.Paid => "PD",
        OrderStatus.Accepted => "AP",
        OrderStatus.Assembled => "CO",
        OrderStatus.InDelivery => "DE",
        OrderStatus.Delivered => "F",
        OrderStatus.Cancelled => "UN",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
