using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cvety.Domain.Common;

/// <summary>Money travels as a bare integer count of tiyn, in events, documents and the API alike.</summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var tiyn)) return new Money(tiyn);
        throw new JsonException("Money must be a whole number of tiyn.");
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Tiyn);
}
