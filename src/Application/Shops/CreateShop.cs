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
        else
        {
            // Shop creation is rare and superadmin-only; a racing insert of the same id fails on the primary key (409).
            id = await session.Query<Shop>().AnyAsync(ct) ? await session.Query<Shop>().MaxAsync(s => s.Id, ct) + 1 : 1;
        }

        var phone = string.IsNullOrWhiteSpace(command.Phone) ? null : Domain.Common.PhoneNumber.Parse(command.Phone).Value;
        var shop = new Shop(id, command.Name.Trim(), command.City.Trim(), phone, command.Address?.Trim(), clock.GetUtcNow(), new Domain.Common.Money(command.DeliveryFee ?? 0));
        session.Insert(shop);
        return shop;
    }
}
