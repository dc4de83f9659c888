using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Application.Users;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using FluentValidation;
using Marten;
using Wolverine;

namespace Cvety.Application.Payments;

/// <summary>
/// <c>POST /kaspi/create</c>: a remote payment to a phone, the amount in tenge as the clients send it. Tied to an order
/// (<see cref="OrderId"/>, or a tracking id the endpoint resolved), it becomes that order's Kaspi payment and is polled
/// like any other, so the order is paid through the usual flow; never more than the order still owes.
/// </summary>
public sealed record CreateKaspiPayment(string Phone, decimal? Amount, string? Message, Guid? OrderId, bool ByAgent = false)
{
    public sealed class Validator : AbstractValidator<CreateKaspiPayment>
    {
        public Validator()
        {
            RuleFor(x => x.Phone).MustBePhone();
            RuleFor(x => x.Amount).NotNull().When(x => x.OrderId is null).WithMessage("'amount' (tenge) is required without an order.");
            RuleFor(x => x.Amount).GreaterThan(0).LessThanOrEqualTo(10_000_000).Must(a => a is null || decimal.Round(a.Value, 2) == a.Value)
                .WithMessage("'amount' is tenge, positive, with at most two decimals.");
            RuleFor(x => x.Message).MaximumLength(200);
        }
    }
}

/// <summary>The payment Kaspi opened; <c>success</c> and <c>error</c> are the legacy answer's (a refusal is a problem answer instead).</summary>
public sealed record KaspiPaymentAnswerView(string ExternalId, string Status, Guid? OrderId, long AmountTiyn, decimal Amount)
{
    public bool Success => true;
    public string? Error => null;
}

public static class CreateKaspiPaymentHandler
{
    private static readonly Origin Agent = Origin.System("ai-agent");

    // Not Wolverine's aggregate workflow: the order is optional (a payment may pay none), Kaspi is called before anything
    // is recorded, and the answer decides what is.
    public static async Task<(KaspiPaymentAnswerView, OutgoingMessages)> Handle(CreateKaspiPayment command, IDocumentSession session, ICurrentUser currentUser,
        KaspiOptions options, IKaspiPay kaspi, TimeProvider clock, CancellationToken ct)
    {
        var by = command.ByAgent ? Agent : Origins.Of(currentUser.RequireStaff());
        var shopId = Tenancy.ShopOf(session);
        var shop = options.For(shopId) ?? throw new DomainException("This shop does not take Kaspi payments.");
        var phone = PhoneNumber.Parse(command.Phone).Value;

        Order? order = null;
        JasperFx.Events.IEventStream<Order>? stream = null;
        Money amount;
        string message;
        if (command.OrderId is { } orderId)
        {
            stream = await OrderStreams.ForWritingAsync(session, orderId, null, ct);
            order = stream.Aggregate!;
            PaymentDecisions.EnsurePayable(order);
            var due = PaymentDecisions.AmountDue(order);
            amount = command.Amount is { } tenge ? Money.FromTenge(tenge) : due;
            if (amount > due) throw new DomainException($"The order owes {due.ToTenge():0.##} ₸; a payment of {amount.ToTenge():0.##} ₸ is more than that.");
            var details = await session.LoadAsync<OrderDetails>(orderId, ct);
            message = command.Message?.Trim() ?? $"Оплата заказа #{details!.OrderNumber}";
        }
        else
        {
            amount = Money.FromTenge(command.Amount!.Value);
            message = command.Message?.Trim() ?? "Оплата";
        }

        // Unreachable Kaspi throws KaspiUnavailableException (503); a refusal, KaspiRejectedException (502). Nothing is recorded then.
        var answer = await kaspi.CreateRemotePaymentAsync(shop, KaspiOrigin.Digits(phone), amount, message, ct);
        var now = clock.GetUtcNow();
        session.Insert(new KaspiPaymentLookup(answer.ExternalId, shopId, order?.Id, phone, amount.Tiyn, message, by.Actor, now));
        var messages = new OutgoingMessages();
        if (order is not null)
        {
            stream!.AppendMany(PaymentDecisions.RecordKaspiPayment(order, answer.ExternalId, amount, answer.Status, KaspiOrigin.Kaspi));
            messages.Add(new PollKaspiPayment(order.Id, answer.ExternalId, now).DelayedFor(options.FirstPoll));
        }
        return (new KaspiPaymentAnswerView(answer.ExternalId, answer.Status, order?.Id, amount.Tiyn, amount.ToTenge()), messages);
    }
}
