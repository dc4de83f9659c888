using System.Numerics.Tensors;

namespace Cvety.Application.Search;

public sealed record VectorHit(ProductCard Product, float Similarity)
{
    public int ProductId => Product.Id;
}

/// <summary>
/// Product image vectors per shop, in memory, searched by brute-force cosine similarity with SIMD
/// (<see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>; the vectors are L2-normalised, so the
/// dot product is the cosine). Vectors of one shop sit in one contiguous array, so a search streams through memory.
/// Only enabled products are kept. Filled from the database at start and kept current by product events.
/// </summary>
public sealed class ProductVectorIndex
{
    private readonly Dictionary<int, ShopVectors> _shops = [];
    private readonly Lock _shopsLock = new();

    public int Count(int shopId) => Shop(shopId, create: false)?.Count ?? 0;

    public void Upsert(int shopId, ProductCard product, ReadOnlySpan<float> vector)
    {
        if (vector.Length != IImageEmbedder.Dimensions) throw new ArgumentException($"A vector has {IImageEmbedder.Dimensions} dimensions.", nameof(vector));
        Shop(shopId, create: true)!.Upsert(product, vector);
    }

    public void Remove(int shopId, int productId) => Shop(shopId, create: false)?.Remove(productId);

    /// <summary>Brings one product in line with its stored record: indexed when searchable, gone otherwise.</summary>
    public void Apply(ProductEmbedding stored)
    {
        if (stored.Searchable) Upsert(stored.ShopId, stored.Card, stored.Vector);
        else Remove(stored.ShopId, stored.Id);
    }

    public IReadOnlyList<VectorHit> Search(int shopId, ReadOnlySpan<float> query, int limit, float minSimilarity) =>
        Shop(shopId, create: false)?.Search(query, limit, minSimilarity) ?? [];

    private ShopVectors? Shop(int shopId, bool create)
    {
        lock (_shopsLock)
        {
            if (_shops.TryGetValue(shopId, out var shop)) return shop;
            if (!create) return null;
            return _shops[shopId] = new ShopVectors();
        }
    }

    private sealed class ShopVectors
    {
        private const int D = IImageEmbedder.Dimensions;
        private readonly ReaderWriterLockSlim _lock = new();
        private readonly Dictionary<int, int> _slotOf = [];
        private int[] _ids = new int[64];
        private ProductCard[] _cards = new ProductCard[64];
        private float[] _vectors = new float[64 * D];
        private int _count;

        public int Count
        {
            get
            {
                _lock.EnterReadLock();
                try { return _count; }
                finally { _lock.ExitReadLock(); }
            }
        }

        public void Upsert(ProductCard product, ReadOnlySpan<float> vector)
        {
            var productId = product.Id;
            _lock.EnterWriteLock();
            try
            {
                if (!_slotOf.TryGetValue(productId, out var slot))
                {
                    if (_count == _ids.Length)
                    {
                        Array.Resize(ref _ids, _ids.Length * 2);
                        Array.Resize(ref _cards, _cards.Length * 2);
                        Array.Resize(ref _vectors, _vectors.Length * 2);
                    }
                    slot = _count++;
                    _slotOf[productId] = slot;
                    _ids[slot] = productId;
                }
                _cards[slot] = product;
                vector.CopyTo(_vectors.AsSpan(slot * D, D));
            }
            finally { _lock.ExitWriteLock(); }
        }

        public void Remove(int productId)
        {
            _lock.EnterWriteLock();
            try
            {
                if (!_slotOf.Remove(productId, out var slot)) return;
                // The last one moves into the hole, so the array stays dense.
                var last = --_count;
                if (slot != last)
                {
                    _ids[slot] = _ids[last];
                    _cards[slot] = _cards[last];
                    _vectors.AsSpan(last * D, D).CopyTo(_vectors.AsSpan(slot * D, D));
                    _slotOf[_ids[slot]] = slot;
                }
            }
            finally { _lock.ExitWriteLock(); }
        }

        public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int limit, float minSimilarity)
        {
            if (limit <= 0) return [];
            _lock.EnterReadLock();
            try
            {
                // A small sorted top list: limit is tens, the shop has thousands.
                var top = new List<VectorHit>(limit + 1);
                for (var i = 0; i < _count; i++)
                {
                    var similarity = TensorPrimitives.Dot(query, _vectors.AsSpan(i * D, D));
                    if (similarity < minSimilarity || (top.Count == limit && similarity <= top[^1].Similarity)) continue;
                    var at = top.Count;
                    while (at > 0 && top[at - 1].Similarity < similarity) at--;
                    top.Insert(at, new VectorHit(_cards[i], similarity));
                    if (top.Count > limit) top.RemoveAt(top.Count - 1);
                }
                return top;
            }
            finally { _lock.ExitReadLock(); }
        }
    }
}
