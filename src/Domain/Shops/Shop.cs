namespace Cvety.Domain.Shops;

/// <summary>
/// A shop is a tenant: everything it owns lives under its id. <see cref="DeliveryFee"/> is what customers pay for
/// delivery when they order themselves. Ids are given for the shops that already exist elsewhere (8 = development,
/// 17008 = cvety.kz production) so that they keep their meaning. The document is the projection of the shop's
/// stream (<see cref="ShopOpened"/> ...).
/// </summary>
public sealed record Shop(int Id, string Name, string City, string? Phone, string? Address, DateTimeOffset CreatedAt, Common.Money DeliveryFee)
{
    /// <summary>Blocked by the platform: staff cannot sign in, customers cannot order, nothing is deleted.</summary>
    public bool IsBlocked { get; init; }

    public string? BlockReason { get; init; }

    /// <summary>The number of events of the shop's stream: the version its next change expects.</summary>
    public int Revision { get; init; }

    /// <summary>The tenant id under which a shop's documents and event streams are stored.</summary>
    public static string TenantIdFor(int shopId) => shopId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Cities as Cvety keeps them (Russian, as its screens show them) and as the legacy backend named them (its enum
/// <c>Almaty|Astana</c>, stored upper case): what comes in either way is kept in Russian, and legacy answers get the
/// legacy name back.
/// </summary>
public static class ShopCities
{
    private static readonly (string Russian, string Legacy, string[] Also)[] Known =
    [
        ("Астана", "Astana", ["astana", "nur-sultan", "нур-султан"]),
        ("Алматы", "Almaty", ["almaty", "алма-ата"]),
    ];

    public static string Normalise(string city)
    {
        var trimmed = city.Trim();
        foreach (var (russian, _, also) in Known)
            if (string.Equals(trimmed, russian, StringComparison.OrdinalIgnoreCase) || also.Contains(trimmed.ToLowerInvariant())) return russian;
        return trimmed;
    }

    public static string? Legacy(string? city)
    {
        if (city is null) return null;
        var russian = Normalise(city);
        foreach (var (known, legacy, _) in Known)
            if (known == russian) return legacy;
        return city;
    }
}
