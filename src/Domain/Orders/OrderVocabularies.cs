using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cvety.Domain.Orders;

/// <summary>How an order reaches its recipient; written as the legacy API's words.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliveryType>))]
public enum DeliveryType
{
    [JsonStringEnumMemberName("delivery")] Delivery,
    [JsonStringEnumMemberName("pickup")] Pickup,
    [JsonStringEnumMemberName("express")] Express,
    [JsonStringEnumMemberName("scheduled")] Scheduled,
}

/// <summary>Where a refund stands: asked of Kaspi, done, or refused; written as the words the answers always had.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RefundStatus>))]
public enum RefundStatus
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("refunded")] Refunded,
    [JsonStringEnumMemberName("failed")] Failed,
}

/// <summary>
/// How a customer pays, as the legacy API writes it. Customers and staff choose among <see cref="Chosen"/> (only Kaspi
/// is taken through Cvety, by a payment link); an order from Bitrix carries Bitrix's own pay system ("bitrix:3"), so
/// the vocabulary is open and the word is what is stored.
/// </summary>
[JsonConverter(typeof(PaymentMethodJsonConverter))]
public readonly record struct PaymentMethod
{
    private readonly string? _word;

    private PaymentMethod(string word) => _word = word;

    public static readonly PaymentMethod Kaspi = new("kaspi");
    public static readonly PaymentMethod Card = new("card");
    public static readonly PaymentMethod Cash = new("cash");

    /// <summary>What a person may choose: kaspi, card, cash.</summary>
    public static readonly IReadOnlyList<PaymentMethod> Chosen = [Kaspi, Card, Cash];

    /// <summary>The word as stored and answered; an unset value reads as cash, the legacy default.</summary>
    public string Word => _word ?? Cash.Word;

    /// <summary>An order paid through one of Bitrix's pay systems (none named: "bitrix").</summary>
    public static PaymentMethod FromBitrix(string? paySystemId) => new(paySystemId is null ? "bitrix" : "bitrix:" + paySystemId);

    /// <summary>One of <see cref="Chosen"/> by its word, exactly as written.</summary>
    public static bool TryChoose(string? word, out PaymentMethod method)
    {
        method = Chosen.FirstOrDefault(m => m.Word == word);
        return method._word is not null;
    }

    /// <summary>The choice a validator has already checked, or <paramref name="otherwise"/> for none.</summary>
    public static PaymentMethod Choose(string? word, PaymentMethod otherwise) =>
        string.IsNullOrWhiteSpace(word) ? otherwise
        : TryChoose(word, out var method) ? method
        : throw new Common.DomainException($"'{word}' is not one of {string.Join(", ", Chosen)}.");

    /// <summary>A stored word as it was written (the import and the events).</summary>
    public static PaymentMethod Of(string word) => new(word);

    public override string ToString() => Word;
}

public sealed class PaymentMethodJsonConverter : JsonConverter<PaymentMethod>
{
    public override PaymentMethod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PaymentMethod.Of(reader.GetString() ?? PaymentMethod.Cash.Word);

    public override void Write(Utf8JsonWriter writer, PaymentMethod value, JsonSerializerOptions options) => writer.WriteStringValue(value.Word);
}
