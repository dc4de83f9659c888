using System.Text.Json.Serialization;
using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Application.Users;
using Cvety.Domain.Clients;
using Cvety.Domain.Common;
using FluentValidation;
using Marten;

namespace Cvety.Application.Clients;

/// <summary>The shop's bots ask on every message whether the person is registered (<c>GET /telegram/client</c>).</summary>
public sealed record GetTelegramClient(long TelegramUserId);

/// <summary>
/// A person shares their contact with the shop's bot (<c>POST /telegram/client/register</c>). Registering again
/// updates; a Telegram account maps to one client per shop, found by the account or else by the phone.
/// </summary>
public sealed record RegisterTelegramClient(
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] long TelegramUserId,
    string Phone,
    string? CustomerName,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int? ShopId,
    string? TelegramUsername,
    string? TelegramFirstName)
{
    public sealed class Validator : AbstractValidator<RegisterTelegramClient>
    {
        public Validator()
        {
            RuleFor(x => x.TelegramUserId).GreaterThan(0);
            RuleFor(x => x.Phone).MustBePhone();
            RuleFor(x => x.CustomerName).MaximumLength(200);
            RuleFor(x => x.TelegramUsername).MaximumLength(100);
            RuleFor(x => x.TelegramFirstName).MaximumLength(200);
        }
    }
}

public static class TelegramClientsHandler
{
    /// <summary>Null for a person the shop does not know: the bots ask on every message, and a stranger is no error.</summary>
    public static async Task<ClientCard?> Handle(GetTelegramClient query, IQuerySession session, CancellationToken ct) =>
        await session.Query<ClientCard>().FirstOrDefaultAsync(c => c.TelegramUserId == query.TelegramUserId, ct);

    public static async Task<ClientCard> Handle(RegisterTelegramClient command, IDocumentSession session, CancellationToken ct)
    {
        var shopId = Tenancy.ShopOf(session);
        var phone = PhoneNumber.Parse(command.Phone).Value;
        var current = await session.Query<ClientCard>().FirstOrDefaultAsync(c => c.TelegramUserId == command.TelegramUserId, ct)
            ?? await session.Query<ClientCard>().FirstOrDefaultAsync(c => c.Phone == phone, ct);
        var by = new Origin(Sources.Telegram, "bot");
        var events = ClientDecisions.RegisterFromTelegram(current?.State, ClientIds.For(shopId, phone), shopId, phone, command.CustomerName?.Trim(),
            command.TelegramUserId, command.TelegramUsername?.Trim(), command.TelegramFirstName?.Trim(), by);
        if (events.Length == 0) return current!;
        var id = current?.Id ?? ((ClientRegistered)events[0]).ClientId;
        // A card may exist from orders alone, with no stream yet: appending starts it.
        session.Events.Append(id, events);
        // Committed here, not by the transactional middleware, because the answer is the card the commit projects.
        await session.SaveChangesAsync(ct);
        return (await session.LoadAsync<ClientCard>(id, ct))!;
    }
}
