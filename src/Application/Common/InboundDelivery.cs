using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cvety.Application.Common;

/// <summary>
/// A webhook delivery we have already acted on, keyed by a hash of what matters in it, with the answer we gave.
/// Stored in the same transaction as the events it caused, so a repeat (even after a restart) changes nothing and
/// gets the same answer. Kept at least seven days.
/// </summary>
public sealed record InboundDelivery(string Id, string Source, DateTimeOffset ReceivedAt, string Response)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(8);

    /// <summary>
    /// A hash of the source and the canonical JSON of the content, without the fields that change between
    /// deliveries of the same thing (<paramref name="volatileFields"/>, e.g. the sender's timestamp).
    /// </summary>
    public static string KeyFor(string source, JsonNode? content, params string[] volatileFields)
    {
        var canonical = Canonical(content, volatileFields);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(source + "\n" + canonical));
        return source + ":" + Convert.ToHexString(hash);
    }

    private static string Canonical(JsonNode? node, string[] volatileFields) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.Where(p => !volatileFields.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value, volatileFields))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(v => Canonical(v, volatileFields))) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
