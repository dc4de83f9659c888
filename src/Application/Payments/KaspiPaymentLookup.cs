using Marten;

namespace Cvety.Application.Payments;

/// <summary>
/// Which shop and order a Kaspi payment id belongs to, written when the payment is created. The Kaspi routes find a
/// payment by its id only through this document, in the caller's shop: another shop's payment id is a 404.
/// </summary>
public sealed record KaspiPaymentLookup(string Id, int ShopId, Guid? OrderId, string Phone, long Amount, string? Message, string CreatedBy, DateTimeOffset CreatedAt);

public static class KaspiPayments
{
    public static async Task<KaspiPaymentLookup> FindAsync(IQuerySession session, string externalId, CancellationToken ct) =>
        await session.LoadAsync<KaspiPaymentLookup>(externalId, ct) ?? throw new Common.NotFoundException("Kaspi payment", externalId);
}
