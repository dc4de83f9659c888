using Cvety.Domain.Common;

namespace Cvety.Domain.Orders;

// The payment side of an order's life (Kaspi Pay). Amounts are tiyn; Kaspi's tenge exist only in its adapter.

/// <summary>Kaspi accepted our request for a remote payment (an invoice pushed to the customer's Kaspi app).</summary>
public sealed record KaspiPaymentCreated(Guid OrderId, string ExternalId, Money Amount, string Status, Origin By) : IOrderEvent;

/// <summary>Kaspi refused to create the payment (an answer, not an outage). Staff are told.</summary>
public sealed record KaspiPaymentRequestFailed(Guid OrderId, string Error, Origin By) : IOrderEvent;

/// <summary>A payment link for web checkout; its payment is polled like a remote payment.</summary>
public sealed record KaspiPaymentLinkCreated(Guid OrderId, string PaymentId, string Url, DateTimeOffset? ExpiresAt, Money Amount, Origin By) : IOrderEvent;

/// <summary>Kaspi reported a different status for a payment than we knew (recorded on change, not on every poll).</summary>
public sealed record KaspiPaymentStatusReported(Guid OrderId, string ExternalId, string Status, Origin By) : IOrderEvent;

/// <summary>Money is to go back to the customer; it is reserved at once, so two refunds can never exceed what was paid.</summary>
public sealed record RefundRequested(Guid OrderId, Guid RefundId, Money Amount, string Reason, Origin By, string? PaymentId = null) : IOrderEvent;

/// <summary>Kaspi refused a refund. The reserved amount is released and staff are told.</summary>
public sealed record RefundFailed(Guid OrderId, Guid RefundId, Money Amount, string Error, Origin By) : IOrderEvent;
