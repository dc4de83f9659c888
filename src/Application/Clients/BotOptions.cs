namespace Cvety.Application.Clients;

/// <summary>
/// Cvety:Bots. Each shop's bots prove themselves with a key of that shop (<c>X-Bot-Key</c>). The legacy bots called
/// without one; <see cref="BotShopOptions.AllowUnauthenticated"/> lets a shop keep that for the transition, off by default.
/// </summary>
public sealed class BotOptions
{
    public const string Section = "Cvety:Bots";

    public Dictionary<string, BotShopOptions> Shops { get; set; } = [];

    public BotShopOptions? For(int shopId) => Shops.TryGetValue(shopId.ToString(System.Globalization.CultureInfo.InvariantCulture), out var shop) ? shop : null;
}

public sealed class BotShopOptions
{
    public string? Key { get; set; }

    public bool AllowUnauthenticated { get; set; }
}
