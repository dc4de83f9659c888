using System.Collections.Concurrent;
using System.Reflection;
using Cvety.Domain.Common;
using Marten;

namespace Cvety.Infrastructure.Database;

/// <summary>
/// Every event Cvety records says who decided it and from where (its <c>By</c> origin). As a session is committed,
/// this copies that onto Marten's event metadata (user name, <c>source</c> and <c>role</c> headers), so the event table
/// says it too without any handler having to stamp its session, and an event decided for someone else (a Bitrix user
/// acting through Bitrix, an assistant acting for a customer) carries its own actor rather than the session's.
/// </summary>
public sealed class EventOrigins : DocumentSessionListenerBase
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> ByProperty = new();

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        foreach (var stream in session.PendingChanges.Streams())
        foreach (var e in stream.Events)
        {
            if (OriginOf(e.Data) is not { } by) continue;
            e.UserName = by.Actor;
            e.SetHeader("source", by.Source);
            if (by.Role is not null) e.SetHeader("role", by.Role);
        }
        return Task.CompletedTask;
    }

    public static Origin? OriginOf(object data) =>
        ByProperty.GetOrAdd(data.GetType(), t => t.GetProperty("By", typeof(Origin)))?.GetValue(data) as Origin;
}
