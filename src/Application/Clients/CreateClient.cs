using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Application.Users;
using Cvety.Domain.Clients;
using Cvety.Domain.Common;
using FluentValidation;
using Marten;

namespace Cvety.Application.Clients;

/// <summary>Staff add a client by phone (the admin SPA's clients screen); a phone the shop already knows is a 409.</summary>
public sealed record CreateClient(string Phone, string? Name, string? Email, string? Notes, IReadOnlyList<string>? Tags)
{
    public sealed class Validator : AbstractValidator<CreateClient>
    {
        public Validator()
        {
            RuleFor(x => x.Phone).MustBePhone();
            RuleFor(x => x.Name).MaximumLength(200);
            RuleFor(x => x.Email).MaximumLength(200).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email));
            RuleFor(x => x.Notes).MaximumLength(4000);
            RuleFor(x => x.Tags).Must(t => t is null || (t.Count <= 30 && t.All(x => x.Length is > 0 and <= 50))).WithMessage("'tags': at most 30, each 1 to 50 characters.");
        }
    }
}

public static class CreateClientHandler
{
    // The session: the phone is checked against the shop's clients before the client's stream starts.
    public static async Task<Guid> Handle(CreateClient command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = Origins.Of(currentUser.RequireStaff());
        var shopId = Tenancy.ShopOf(session);
        var phone = PhoneNumber.Parse(command.Phone).Value;
        if (await ClientAccess.FindByPhoneAsync(session, phone, ct) is not null) throw new ConflictException($"The shop already has a client with phone {PhoneNumber.Parse(phone).Masked()}.");
        var id = ClientIds.For(shopId, phone);
        var email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim();
        List<object> events = [new ClientRegistered(id, shopId, phone, command.Name?.Trim(), origin, email)];
        if (command.Tags is { Count: > 0 } tags) events.Add(new ClientDetailsChanged(id, command.Name?.Trim(), phone, email, [], tags.Select(t => t.Trim()).Distinct().ToList(), null, origin));
        if (!string.IsNullOrWhiteSpace(command.Notes)) events.Add(new ClientNotesChanged(id, command.Notes.Trim(), origin));
        session.Append(id, [.. events]);
        return id;
    }
}
