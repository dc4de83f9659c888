using Cvety.Domain.Common;

namespace Cvety.Application.Payments;

/// <summary>
/// Kaspi Pay, as the cvety.kz proxy speaks it (shared/reference/kaspi.md). Amounts cross this port as
/// <see cref="Money"/>; the adapter alone turns them into tenge.
/// </summary>
public interface IKaspiPay
{
    /// <summary>Pushes an invoice to the customer's Kaspi app by phone number (digits, e.g. 77015211545).</summary>
    Task<KaspiPaymentAnswer> CreateRemotePaymentAsync(KaspiShop shop, string phone, Money amount, string message, CancellationToken ct);

    Task<string> GetStatusAsync(KaspiShop shop, string externalId, CancellationToken ct);

    /// <summary>Returns Kaspi's return operation id when it gives one.</summary>
    Task<string?> RefundAsync(KaspiShop shop, string externalId, Money amount, CancellationToken ct);

    Task<KaspiPaymentLink> CreateLinkAsync(KaspiShop shop, Money amount, string message, CancellationToken ct);
}

public sealed record KaspiPaymentAnswer(string ExternalId, string Status);

public sealed record KaspiPaymentLink(string PaymentId, string Url, DateTimeOffset? ExpiresAt);

/// <summary>Kaspi could not be reached, timed out or failed on its side: try again later.</summary>
public sealed class KaspiUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Kaspi answered and said no (<c>{"status":false,"error":...}</c>): trying again will not help.</summary>
public sealed class KaspiRejectedException(string error) : Exception(error);
