namespace Cvety.Domain.Shops;

/// <summary>
/// A shop is a tenant. <see cref="DeliveryFee"/> is what customers pay for delivery when they order themselves.
///: everything it owns lives under its id. Ids are given for the shops that already exist
/// elsewhere (8 = development, 17008 = cvety.kz production) so that they keep their meaning.
/// </summary>
public sealed record Shop(int Id, string Name, string City, string? Phone, string? Address, DateTimeOffset CreatedAt, Common.Money DeliveryFee)
{
    /// <summary>The tenant id under which a shop's documents and event streams are stored.</summary>
    public static string TenantIdFor(int shopId) => shopId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
