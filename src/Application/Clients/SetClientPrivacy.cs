using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Application.Users;
using Cvety.Domain.Clients;
using Cvety.Domain.Common;
using FluentValidation;
using Marten;

namespace Cvety.Application.Clients;

/// <summary>
/// A client's privacy choices, as the AI agent relays them: opting out of (or back into) personalisation, and asking
/// to be forgotten. Erasure is recorded as an event for staff to carry out; it deletes no order history.
/// </summary>
public sealed record SetClientPrivacy(string Phone, bool? PersonalisationAllowed, bool? EraseRequested, string? Reason)
{
    public sealed class Validator : AbstractValidator<SetClientPrivacy>
    {
        public Validator()
        {
            RuleFor(x => x.Phone).MustBePhone();
            RuleFor(x => x).Must(x => x.PersonalisationAllowed is not null || x.EraseRequested == true)
                .WithMessage("Say what changes: 'personalization_enabled' (or 'opt_out'), or 'erase' / 'delete_data'.").OverridePropertyName("personalization_enabled");
            RuleFor(x => x.Reason).MaximumLength(1000);
        }
    }
}

/// <summary>The choice as recorded; <c>success</c>, <c>client_id</c> and <c>action</c> are the legacy answer's.</summary>
public sealed record PrivacyAnswer(string Phone, bool PersonalisationAllowed, bool ErasureRequested, string Message, Guid ClientId, string Action)
{
    public bool Success => true;
}

public static class SetClientPrivacyHandler
{
    // The session: the client's stream may not exist yet (see ClientAccess.Append).
    public static async Task<PrivacyAnswer> Handle(SetClientPrivacy command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var phone = PhoneNumber.Parse(command.Phone).Value;
        var card = await ClientAccess.FindByPhoneAsync(session, phone, ct) ?? throw new NotFoundException("Client", phone);
        var by = Origins.Customer(currentUser.Actor);
        var events = new List<object>();
        if (command.PersonalisationAllowed is { } allowed && allowed != card.PersonalisationAllowed) events.Add(new ClientPrivacyChanged(card.Id, allowed, by));
        if (command.EraseRequested == true && card.ErasureRequestedAt is null) events.Add(new ClientErasureRequested(card.Id, command.Reason?.Trim(), by));
        session.Append(card.Id, [.. events]);
        var erasure = command.EraseRequested == true || card.ErasureRequestedAt is not null;
        var personalised = !erasure && (command.PersonalisationAllowed ?? card.PersonalisationAllowed);
        return new PrivacyAnswer(phone, personalised, erasure,
            erasure ? "Запрос на удаление данных принят; сотрудники магазина его выполнят." : personalised ? "Персонализация включена." : "Персонализация отключена.",
            card.Id, erasure ? "delete_profile_data" : personalised ? "enable_personalization" : "disable_personalization");
    }
}
