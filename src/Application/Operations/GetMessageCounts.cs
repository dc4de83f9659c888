using Cvety.Application.Common;
using Wolverine.Persistence.Durability;

namespace Cvety.Application.Operations;

/// <summary>
/// How many messages Wolverine's durable store holds now: waiting to be handled, scheduled, waiting to be sent, dead.
/// One table serves every shop, so the counts are the platform's: the SUPERADMIN's to see.
/// </summary>
public sealed record GetMessageCounts;

public sealed record MessageCounts(int Incoming, int Scheduled, int Outgoing, int DeadLetters);

public static class GetMessageCountsHandler
{
    public static async Task<MessageCounts> Handle(GetMessageCounts _, IMessageStore store, ICurrentUser currentUser)
    {
        if (!currentUser.Actor.IsSuperadmin) throw new ForbiddenException("Only the superadmin sees the platform's message counts.");
        var counts = await store.Admin.FetchCountsAsync();
        return new MessageCounts(counts.Incoming, counts.Scheduled, counts.Outgoing, counts.DeadLetter);
    }
}
