using Cvety.Application.Common;
using Cvety.Domain.Shops;
using FluentValidation;
using Marten;

namespace Cvety.Application.Shops;

/// <summary>
/// The superadmin blocks a shop (or lifts the block): its staff lose their tokens and cannot sign in, its catalog and
/// order creation answer "shop unavailable"; its orders and history stay as they are.
/// </summary>
public sealed record BlockShop(int ShopId, bool Blocked, string? Reason)
{
    public sealed class Validator : AbstractValidator<BlockShop>
    {
        public Validator() => RuleFor(x => x.Reason).MaximumLength(500);
    }
}

public static class BlockShopHandler
{
    // The session, not the aggregate workflow: a shop's stream is named by its integer id (see ShopStreams).
    public static async Task<Shop> Handle(BlockShop command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        if (!currentUser.Actor.IsSuperadmin) throw new ForbiddenException("Only the superadmin blocks shops.");
        var shop = await ShopStreams.LoadAsync(session, command.ShopId, ct);
        var origin = Origins.Of(currentUser.Actor);
        var events = ShopDecisions.Block(shop, command.Blocked, command.Reason?.Trim(), origin);
        session.Append(shop, events);
        return shop with { IsBlocked = command.Blocked };
    }
}
