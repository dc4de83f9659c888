using Cvety.Application.Common;
using Cvety.Domain.Shops;
using Cvety.Application.Users;
using FluentValidation;
using Marten;

namespace Cvety.Application.Shops;

/// <summary>The superadmin opens a shop (a tenant). The id may be given so that existing shop ids keep their meaning.</summary>
public sealed record CreateShop(int? Id, string Name, string City, string? Phone, string? Address, long? DeliveryFee = null)
{
    public sealed class Validator : AbstractValidator<CreateShop>
    {
        public Validator()
        {
            RuleFor(x => x.Id).GreaterThan(0).When(x => x.Id is not null);
            RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            RuleFor(x => x.City).NotEmpty().MaximumLength(100);
            RuleFor(x => x.Phone!).MustBePhone().When(x => !string.IsNullOrWhiteSpace(x.Phone));
            RuleFor(x => x.Address).MaximumLength(500);
            RuleFor(x => x.DeliveryFee).InclusiveBetween(0, 1_000_000_00);
        }
    }
}

public static class CreateShopHandler
{
    public static async Task<Shop> Handle(CreateShop command, IDocumentSession session, ICurrentUser currentUser, TimeProvider clock, CancellationToken ct)
    {
        if (!currentUser.Actor.IsSuperadmin) throw new ForbiddenException("Only the superadmin can open shops.");

        int id;
        if (command.Id is { } given)
        {
            if (await session.LoadAsync<Shop>(given, ct) is not null) throw new ConflictException($"Shop {given} already exists.");
            id = given;
        }
        else id = await NextIdAsync(session, ct);

        var phone = string.IsNullOrWhiteSpace(command.Phone) ? null : Domain.Common.PhoneNumber.Parse(command.Phone).Value;
        var opened = new ShopOpened(id, command.Name.Trim(), ShopCities.Normalise(command.City), phone, command.Address?.Trim(),
            new Domain.Common.Money(command.DeliveryFee ?? 0), Origins.Of(currentUser.Actor));
        session.StartShop(opened);
        return new Shop(id, opened.Name, opened.City, phone, opened.Address, clock.GetUtcNow(), opened.DeliveryFee) { Revision = 1 };
    }

    /// <summary>The next free shop id. Opening shops is rare; a racing start of the same stream fails (409).</summary>
    public static async Task<int> NextIdAsync(IQuerySession session, CancellationToken ct) =>
        await session.Query<Shop>().AnyAsync(ct) ? await session.Query<Shop>().MaxAsync(s => s.Id, ct) + 1 : 1;
}
