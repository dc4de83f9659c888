using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Cvety.Domain.Common;

/// <summary>
/// The words of a closed vocabulary (an enum whose members carry <see cref="JsonStringEnumMemberNameAttribute"/>): the
/// legacy strings the API, the events and the read models have always held ("kaspi", "pickup"), so that stored data and
/// the legacy clients read the same words while the code reads a type.
/// </summary>
public static class Vocabulary
{
    private static readonly ConcurrentDictionary<Type, (Dictionary<object, string> Names, Dictionary<string, object> Values)> Tables = new();

    private static (Dictionary<object, string> Names, Dictionary<string, object> Values) Table(Type type) => Tables.GetOrAdd(type, t =>
    {
        var names = t.GetFields(BindingFlags.Public | BindingFlags.Static).ToDictionary(
            f => f.GetValue(null)!,
            f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? throw new InvalidOperationException($"{t.Name}.{f.Name} has no word."));
        return (names, names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal));
    });

    /// <summary>The word of <paramref name="value"/> ("pickup").</summary>
    public static string Word<T>(this T value) where T : struct, Enum => Table(typeof(T)).Names[value];

    /// <summary>Every word of the vocabulary, in declaration order.</summary>
    public static IReadOnlyList<string> Words<T>() where T : struct, Enum => Enum.GetValues<T>().Select(v => v.Word()).ToList();

    /// <summary>The value of a word, exactly as written (trimmed); false for anything else.</summary>
    public static bool TryParse<T>(string? word, out T value) where T : struct, Enum
    {
        if (word is not null && Table(typeof(T)).Values.TryGetValue(word.Trim(), out var found))
        {
            value = (T)found;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>The value of a word the validators have already checked, or <paramref name="otherwise"/> for none.</summary>
    public static T Parse<T>(string? word, T otherwise) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(word) ? otherwise : TryParse<T>(word, out var value) ? value : throw new DomainException($"'{word}' is not one of {string.Join(", ", Words<T>())}.");
}
