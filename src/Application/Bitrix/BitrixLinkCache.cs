using System.Collections.Concurrent;
using Marten;
using Marten.Services;

namespace Cvety.Application.Bitrix;

/// <summary>
/// Which order a Bitrix id belongs to, remembered in memory once a link has been committed or read. A link is only
/// ever inserted, never changed or deleted, so what is remembered stays true; the status webhook then opens the
/// order's stream in the same round trip as its other lookups. A remembered link whose stream is not there (a
/// database emptied under a running host) is forgotten and read again.
/// </summary>
public sealed class BitrixLinkCache(int capacity = 200_000)
{
    private readonly ConcurrentDictionary<(string Tenant, string Key), Guid> _links = new();

    public bool TryGet(string tenant, string key, out Guid orderId) => _links.TryGetValue((tenant, key), out orderId);

    public void Remember(string tenant, BitrixOrderLink link)
    {
        // Bounded the simple way: the links of the orders in play come back on their next read.
        if (_links.Count >= capacity) _links.Clear();
        _links[(tenant, link.Id)] = link.OrderId;
    }

    public void Forget(string tenant, string key) => _links.TryRemove((tenant, key), out _);

    /// <summary>Remembers the links a transaction inserted, once it has committed.</summary>
    public sealed class AfterCommit(BitrixLinkCache cache) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            foreach (var link in commit.Inserted.OfType<BitrixOrderLink>()) cache.Remember(session.TenantId, link);
            return Task.CompletedTask;
        }
    }
}
