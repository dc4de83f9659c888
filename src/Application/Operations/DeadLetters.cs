using Cvety.Application.Common;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Cvety.Application.Operations;

/// <summary>An outbound message that ran out of retries, and the shop it belongs to (its envelope's tenant).</summary>
public sealed record DeadLetterView(Guid Id, int? ShopId, string? MessageType, string? ExceptionType, string? ExceptionMessage, DateTimeOffset? SentAt, int ReplayCount);

/// <summary>Failed deliveries: a DIRECTOR sees their own shop's, the SUPERADMIN every shop's (each named).</summary>
public sealed record ListDeadLetters;

/// <summary>Send failed deliveries again: the given ids, or all the caller may see. Another shop's id is not found.</summary>
public sealed record ReplayDeadLetters(IReadOnlyList<Guid>? Ids);

public sealed record DeadLettersReplayed(int Replayed);

public static class DeadLettersHandler
{
    private const int PageSize = 500;

    public static async Task<IReadOnlyList<DeadLetterView>> Handle(ListDeadLetters _, IMessageStore store, ICurrentUser currentUser, CancellationToken ct) =>
        (await VisibleAsync(store, Operator(currentUser), null, ct)).Select(View).ToList();

    public static async Task<DeadLettersReplayed> Handle(ReplayDeadLetters command, IMessageStore store, ICurrentUser currentUser, CancellationToken ct)
    {
        var actor = Operator(currentUser);
        var asked = command.Ids is { Count: > 0 } ids ? ids.Distinct().ToArray() : null;
        var visible = await VisibleAsync(store, actor, asked, ct);
        if (asked is not null && asked.Except(visible.Select(e => e.Id)).FirstOrDefault() is var missing && missing != Guid.Empty)
            throw new NotFoundException("Dead letter", missing);
        if (visible.Count > 0)
            await store.DeadLetters.ReplayAsync(new DeadLetterEnvelopeQuery { MessageIds = visible.Select(e => e.Id).ToArray() }, ct);
        return new DeadLettersReplayed(visible.Count);
    }

    private static Actor Operator(ICurrentUser user) =>
        user.Actor.May(Permission.SeeOperations)
            ? user.Actor
            : throw new ForbiddenException("Only directors and the superadmin manage failed deliveries.");

    /// <summary>
    /// The dead letters the caller may see. Wolverine's store keeps one table for every tenant and ignores a tenant
    /// filter on a single database, so the envelope's tenant is checked here, the one place both routes go through.
    /// </summary>
    private static async Task<List<DeadLetterEnvelope>> VisibleAsync(IMessageStore store, Actor actor, Guid[]? ids, CancellationToken ct)
    {
        var query = ids is null ? new DeadLetterEnvelopeQuery { PageSize = PageSize } : new DeadLetterEnvelopeQuery { MessageIds = [.. ids] };
        var page = await store.DeadLetters.QueryAsync(query, ct);
        var own = actor.IsSuperadmin ? null : Shop.TenantIdFor(actor.ShopId ?? throw new ForbiddenException("This account belongs to no shop."));
        return page.Envelopes.Where(e => own is null || e.Envelope?.TenantId == own).ToList();
    }

    private static DeadLetterView View(DeadLetterEnvelope e) =>
        new(e.Id, ShopOf(e.Envelope?.TenantId), e.MessageType, e.ExceptionType, e.ExceptionMessage, e.SentAt, e.ReplayCount);

    private static int? ShopOf(string? tenant) => int.TryParse(tenant, out var shop) ? shop : null;
}
