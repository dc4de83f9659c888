using Cvety.Domain.Users;
using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Application.Payments;
using Cvety.Application.Reviews;
using Cvety.Domain.Clients;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using Cvety.Domain.Shops;
using FluentValidation;
using Marten;

namespace Cvety.Application.Clients;

/// <summary>
/// A DIRECTOR or MANAGER carries out a client's request to be forgotten (or erases on their own judgement, with a
/// reason): the card forgets what it knew of the person; orders keep theirs as the shop's accounting record.
/// </summary>
public sealed record EraseClientData(Guid ClientId, string? Reason)
{
    public sealed class Validator : AbstractValidator<EraseClientData>
    {
        public Validator() => RuleFor(x => x.Reason).MaximumLength(1000);
    }
}

public static class EraseClientDataHandler
{
    // The session: the client's stream may not exist yet (see ClientAccess.Append). What the events already hold is
    // rewritten by the durable message that follows the commit (a crash between the two leaves it in the outbox).
    public static async Task<ScrubErasedClientData> Handle(EraseClientData command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var actor = currentUser.Require(Permission.EraseClientData, "Only a DIRECTOR or MANAGER erases a client's data.");
        var card = await ClientAccess.LoadAsync(session, command.ClientId, ct);
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        var origin = Origins.Of(actor);
        if (card.ErasureRequestedAt is null && reason is null)
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("reason", "Say why: the client has not asked to be forgotten.")]);
        session.Append(card.Id, new ClientDataErased(card.Id, reason, origin));
        return new ScrubErasedClientData(card.Id, card.ShopId, reason, origin);
    }
}

/// <summary>
/// The second half of an erasure: the client's events, the events of the orders placed with their phone and of the
/// reviews of those orders are masked in place (Marten's event data masking, with the rules of
/// <see cref="PersonalData"/>), each order records <see cref="OrderPersonalDataErased"/>, and the documents projected
/// from those streams are built again from the masked events. Safe to run again: masking and rebuilding are
/// idempotent, and an order already marked is not marked twice.
/// </summary>
public sealed record ScrubErasedClientData(Guid ClientId, int ShopId, string? Reason, Origin By);

public static class ScrubErasedClientDataHandler
{
    public static async Task Handle(ScrubErasedClientData message, IDocumentStore store, CancellationToken ct)
    {
        var tenant = Shop.TenantIdFor(message.ShopId);
        List<Guid> orders, reviews;
        await using (var session = store.LightweightSession(tenant))
        {
            var card = await session.LoadAsync<ClientCard>(message.ClientId, ct);
            if (card is null) return;
            orders = [.. card.OrderIds];
            foreach (var details in await session.LoadManyAsync<OrderDetails>(ct, orders))
                if (details.PersonalDataErasedAt is null)
                    session.Events.Append(details.Id, new OrderPersonalDataErased(details.Id, card.Id, message.Reason, message.By));
            reviews = [.. await session.Query<Review>().Where(r => r.OrderId.HasValue && orders.Contains(r.OrderId.Value)).Select(r => r.Id).ToListAsync(ct)];
            foreach (var payment in await session.Query<KaspiPaymentLookup>().Where(p => p.OrderId.HasValue && orders.Contains(p.OrderId.Value)).ToListAsync(ct))
                session.Store(payment with { Phone = "", Message = payment.Message is null ? null : PersonalData.Marker });
            await session.SaveChangesAsync(ct);
        }

        await store.Advanced.ApplyEventDataMasking(masking =>
        {
            masking.ForTenant(tenant);
            masking.IncludeStream(message.ClientId);
            foreach (var id in orders.Concat(reviews)) masking.IncludeStream(id);
            masking.AddHeader("erased_by", message.By.Actor);
        }, ct);

        // Inline projections saw the events as they were: build their documents again from the masked ones.
        await using (var session = store.LightweightSession(tenant))
        {
            foreach (var id in orders)
            {
                if (await session.Events.AggregateStreamAsync<OrderDetails>(id, token: ct) is { } details) session.Store(details);
                if (await session.Events.AggregateStreamAsync<OrderHistory>(id, token: ct) is { } history) session.Store(history);
            }
            foreach (var id in reviews)
                if (await session.Events.AggregateStreamAsync<Review>(id, token: ct) is { } review) session.Store(review);
            await session.SaveChangesAsync(ct);
        }
    }
}
