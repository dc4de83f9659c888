using System.Text.Json;
using System.Text.Json.Serialization;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;

namespace Cvety.UnitTests.Domain;

public sealed class when_a_vocabulary_is_written
{
    // As Marten stores documents and events here (enums as strings) and as the API answers (snake_case names).
    private static readonly JsonSerializerOptions Stored = new() { Converters = { new JsonStringEnumConverter() } };
    private static readonly JsonSerializerOptions Answered = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [Theory]
    [InlineData(DeliveryType.Delivery, "delivery")]
    [InlineData(DeliveryType.Pickup, "pickup")]
    [InlineData(DeliveryType.Express, "express")]
    public void a_delivery_type_keeps_the_legacy_word_everywhere(DeliveryType type, string word)
    {
        type.Word().Should().Be(word);
        JsonSerializer.Serialize(type, Stored).Should().Be($"\"{word}\"");
        JsonSerializer.Serialize(type, Answered).Should().Be($"\"{word}\"");
        JsonSerializer.Deserialize<DeliveryType>($"\"{word}\"", Stored).Should().Be(type, "events stored before the type existed hold the word");
        Vocabulary.TryParse<DeliveryType>(word, out var parsed).Should().BeTrue();
        parsed.Should().Be(type);
    }

    [Fact]
    public void an_unknown_word_is_not_a_delivery_type() => Vocabulary.TryParse<DeliveryType>("Pickup", out _).Should().BeFalse();

    [Fact]
    public void a_payment_method_is_its_word_including_bitrix_pay_systems()
    {
        var bitrix = PaymentMethod.FromBitrix("3");
        JsonSerializer.Serialize(new { m = bitrix }, Stored).Should().Be("{\"m\":\"bitrix:3\"}");
        JsonSerializer.Deserialize<PaymentMethod>("\"kaspi\"", Answered).Should().Be(PaymentMethod.Kaspi);
        PaymentMethod.TryChoose("bitrix:3", out _).Should().BeFalse("people choose among kaspi, card and cash");
        PaymentMethod.Choose(null, PaymentMethod.Cash).Should().Be(PaymentMethod.Cash);
        default(PaymentMethod).Word.Should().Be("cash");
    }
}
