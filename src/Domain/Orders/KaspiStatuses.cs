namespace Cvety.Domain.Orders;

public enum KaspiOutcome
{
    /// <summary>Still waiting for the customer: keep polling.</summary>
    Pending,

    /// <summary>The money arrived.</summary>
    Processed,

    /// <summary>It ended without money: stop polling, tell staff.</summary>
    Failed,

    /// <summary>A status Kaspi has not documented. Integrations have met new intermediate ones: keep polling and warn, never fail.</summary>
    Unknown,
}

/// <summary>Kaspi Pay's payment statuses (shared/reference/kaspi.md) and what each means for an order.</summary>
public static class KaspiStatuses
{
    public const string Processed = "Processed";

    private static readonly HashSet<string> PendingStatuses = new(StringComparer.Ordinal) { "QrTokenCreated", "Wait", "RemotePaymentCreated" };
    private static readonly HashSet<string> FailedStatuses = new(StringComparer.Ordinal) { "Error", "RemotePaymentCanceled", "RemotePaymentRejected", "Expired" };

    public static KaspiOutcome Classify(string status) =>
        status == Processed ? KaspiOutcome.Processed
        : PendingStatuses.Contains(status) ? KaspiOutcome.Pending
        : FailedStatuses.Contains(status) ? KaspiOutcome.Failed
        : KaspiOutcome.Unknown;
}
