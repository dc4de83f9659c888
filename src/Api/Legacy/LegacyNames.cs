using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Cvety.Api.Legacy;

/// <summary>
/// The legacy clients' names for fields of Cvety's read models, added to the API's answers only (not to what Marten
/// stores): <c>orderNumber</c> beside <c>order_number</c>, an order item's <c>id</c>, a photo's <c>photo_url</c>.
/// Registered once, on the API's JSON contract, so that every route answering the same model answers the same names.
/// Where Cvety's own field has a legacy name with another meaning or format, the legacy one wins and Cvety's moves
/// to a name of its own (ADR 0024).
/// </summary>
public sealed class LegacyNames
{
    private readonly Dictionary<Type, List<Action<JsonTypeInfo>>> _changes = [];

    public Shape<T> For<T>() => new(this);

    /// <summary>The modifier for <see cref="DefaultJsonTypeInfoResolver.Modifiers"/>.</summary>
    public void Apply(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !_changes.TryGetValue(info.Type, out var changes)) return;
        foreach (var change in changes) change(info);
    }

    public sealed class Shape<T>(LegacyNames names)
    {
        private Shape<T> Change(Action<JsonTypeInfo> change)
        {
            if (!names._changes.TryGetValue(typeof(T), out var list)) names._changes[typeof(T)] = list = [];
            list.Add(change);
            return this;
        }

        /// <summary>A field the legacy clients read, computed from the model; answers only.</summary>
        public Shape<T> Add<TValue>(string name, Func<T, TValue> value, JsonConverter? converter = null) => Change(info =>
        {
            if (info.Properties.Any(p => p.Name == name)) throw new InvalidOperationException($"{typeof(T).Name} already answers '{name}'; use Replace.");
            var property = info.CreateJsonPropertyInfo(typeof(TValue), name);
            property.Get = o => value((T)o);
            property.CustomConverter = converter;
            info.Properties.Add(property);
        });

        /// <summary>A field whose legacy meaning or format differs from Cvety's: the answer carries the legacy one.</summary>
        public Shape<T> Replace<TValue>(string name, Func<T, TValue> value) => Change(info =>
        {
            var index = info.Properties.ToList().FindIndex(p => p.Name == name);
            if (index < 0) throw new InvalidOperationException($"{typeof(T).Name} has no '{name}' to replace.");
            info.Properties.RemoveAt(index);
            var property = info.CreateJsonPropertyInfo(typeof(TValue), name);
            property.Get = o => value((T)o);
            info.Properties.Insert(index, property);
        });

        /// <summary>A field written with a converter of its own (a time that keeps its offset).</summary>
        public Shape<T> Convert(string name, JsonConverter converter) => Change(info =>
        {
            var property = info.Properties.FirstOrDefault(p => p.Name == name) ?? throw new InvalidOperationException($"{typeof(T).Name} has no '{name}'.");
            property.CustomConverter = converter;
        });
    }
}
