namespace Cvety.Application.Notifications;

/// <summary>
/// Cvety:Telegram. Without a bot token nothing is sent (and nothing is queued). Each shop's staff chat is
/// <c>Cvety:Telegram:StaffChats:{shopId}</c>.
/// </summary>
public sealed class TelegramOptions
{
    public const string Section = "Cvety:Telegram";

    [Cvety.Application.Common.HttpUrl]
    public string BaseUrl { get; set; } = "https://api.telegram.org";

    public string? BotToken { get; set; }

    public Dictionary<string, long> StaffChats { get; set; } = [];

    [System.ComponentModel.DataAnnotations.Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Telegram's limits: about one message a second per chat, 20 a minute per group, 30 a second overall.</summary>
    public TimeSpan PerChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan PerGroupInterval { get; set; } = TimeSpan.FromSeconds(3);

    public int GlobalPerSecond { get; set; } = 30;

    /// <summary>Delays between attempts while Telegram is unreachable or asks us to wait; empty: <see cref="DefaultRetryDelays"/>.</summary>
    [Cvety.Application.Common.PositiveDelays]
    public TimeSpan[] RetryDelays { get; set; } = [];

    public TimeSpan[] EffectiveRetryDelays => RetryDelays.Length > 0 ? RetryDelays : DefaultRetryDelays;

    public static readonly TimeSpan[] DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
    ];

    /// <summary>Where Telegram can fetch our photos from (e.g. https://api.cvety.kz); photos stored with relative URLs need it.</summary>
    [Cvety.Application.Common.HttpUrl]
    public string? MediaBaseUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    public long? StaffChatFor(int shopId) =>
        StaffChats.TryGetValue(shopId.ToString(System.Globalization.CultureInfo.InvariantCulture), out var chat) ? chat : null;
}
