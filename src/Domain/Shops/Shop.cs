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
