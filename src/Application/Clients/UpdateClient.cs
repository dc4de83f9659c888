using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Application.Users;
using Cvety.Domain.Clients;
using Cvety.Domain.Common;
using FluentValidation;
using Marten;

namespace Cvety.Application.Clients;

/// <summary>Staff change a client's name, phone, other phones, email, tags or default address; each change is an event with the new values.</summary>
public sealed record UpdateClient(Guid ClientId, string? Name, string? Phone, string? Email, IReadOnlyList<string>? OtherPhones,
    IReadOnlyList<string>? Tags, string? DefaultAddress, string? Notes)
{
    public sealed class Validator : AbstractValidator<UpdateClient>
    {
        public Validator()
        {
            RuleFor(x => x.Name).MaximumLength(200);
            RuleFor(x => x.Phone!).MustBePhone().When(x => !string.IsNullOrWhiteSpace(x.Phone));
            RuleFor(x => x.Email).MaximumLength(200).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email));
            RuleFor(x => x.OtherPhones).Must(p => p is null || (p.Count <= 5 && p.All(x => PhoneNumber.TryParse(x, out _)))).WithMessage("'other_phones': at most 5 Kazakhstan phone numbers.");
            RuleFor(x => x.Tags).Must(t => t is null || (t.Count <= 30 && t.All(x => x.Length is > 0 and <= 50))).WithMessage("'tags': at most 30, each 1 to 50 characters.");
            RuleFor(x => x.DefaultAddress).MaximumLength(500);
            RuleFor(x => x.Notes).MaximumLength(4000);
        }
    }
}

public static class UpdateClientHandler
{
    // The session: a new phone is checked against the shop's other clients.
    public static async Task Handle(UpdateClient command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = Origins.Of(currentUser.RequireStaff());
        var card = await ClientAccess.LoadAsync(session, command.ClientId, ct);
        var phone = string.IsNullOrWhiteSpace(command.Phone) ? card.Phone : PhoneNumber.Parse(command.Phone).Value;
        if (phone != card.Phone && await ClientAccess.FindByPhoneAsync(session, phone, ct) is { } other && other.Id != card.Id)
            throw new ConflictException($"Another client of the shop has phone {PhoneNumber.Parse(phone).Masked()}.");
        var current = new ClientFields(card.Name, card.Phone, card.Email, card.OtherPhones, card.Tags, card.DefaultAddress, card.Notes);
        var wanted = new ClientFields(
            command.Name is null ? card.Name : command.Name.Trim(), phone,
            command.Email is null ? card.Email : string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim(),
            command.OtherPhones?.Select(p => PhoneNumber.Parse(p).Value).Distinct().ToList() ?? card.OtherPhones,
            command.Tags?.Select(t => t.Trim()).Distinct().ToList() ?? card.Tags,
            command.DefaultAddress is null ? card.DefaultAddress : string.IsNullOrWhiteSpace(command.DefaultAddress) ? null : command.DefaultAddress.Trim(),
            command.Notes is null ? card.Notes : command.Notes.Trim());
        session.Append(card.Id, ClientDecisions.Change(card.Id, current, wanted, origin));
    }
}
