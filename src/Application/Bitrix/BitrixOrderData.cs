using System.Globalization;
using System.Text.Json.Nodes;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using FluentValidation;
using FluentValidation.Results;

namespace Cvety.Application.Bitrix;

public sealed record BitrixBasketLine(int ProductId, string Name, Money UnitPrice, int Quantity);

/// <summary>
/// The Bitrix order row of a webhook, read leniently where Bitrix is loose (numbers as strings, "Y"/"N" flags) and
/// strictly where a wrong value would corrupt an order (ids, money, dates): those are validation failures (422), never 500s.
/// A field the delivery does not carry is null, so that an update never wipes what it did not send.
/// </summary>
public sealed record BitrixOrderData(
    long Id,
    string? AccountNumber,
    string? XmlId,
    string? StatusId,
    bool? Paid,
    bool? Cancelled,
    Money? DeliveryPrice,
    IReadOnlyList<BitrixBasketLine>? Basket,
    IReadOnlyDictionary<string, string?> Properties,
    string? UserName,
    string? UserPhone,
    string? Comment,
    string? PaySystemId)
{
    public string? Prop(string name) => Properties.TryGetValue(name, out var v) ? v : null;

    public bool Carries(string name) => Properties.TryGetValue(name, out var v) && v is not null;

    public bool IsPickup => Prop("iWillGet") == "Y" || Prop("pickup") == "Y";

    /// <summary>Our order id when Bitrix echoes an order we created (XML_ID "railway-&lt;id&gt;").</summary>
    public Guid? RailwayOrderId =>
        XmlId is { } x && x.StartsWith("railway-", StringComparison.Ordinal) && Guid.TryParse(x["railway-".Length..], out var id) ? id : null;

    public DateOnly? DeliveryDate { get; init; }

    public static BitrixOrderData Parse(JsonNode? data)
    {
        var failures = new List<ValidationFailure>();
        if (data is not JsonObject row) throw new ValidationException([new ValidationFailure("data", "'data' must be the Bitrix order object.")]);

        string? Text(JsonNode? node) => node switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v => v.ToJsonString(),
            _ => node.ToJsonString(),
        };

        long id = 0;
        if (!long.TryParse(Text(row["ID"]), NumberStyles.None, CultureInfo.InvariantCulture, out id) || id <= 0)
            failures.Add(new ValidationFailure("data.ID", "'ID' must be the Bitrix order id."));

        Money? MoneyOf(string field, JsonNode? node)
        {
            var text = Text(node);
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var tenge) && tenge >= 0)
                return Money.FromTenge(decimal.Round(tenge, 2));
            failures.Add(new ValidationFailure(field, $"'{text}' is not an amount in tenge."));
            return null;
        }

        bool? Flag(JsonNode? node) => Text(node) switch { "Y" => true, "N" => false, _ => null };

        var properties = new Dictionary<string, string?>();
        if (row["properties"] is JsonObject props)
            foreach (var (k, v) in props) properties[k] = Text(v);

        List<BitrixBasketLine>? basket = null;
        if (row["basket"] is JsonArray lines)
        {
            basket = [];
            for (var i = 0; i < lines.Count; i++)
            {
                var path = $"data.basket[{i}]";
                if (lines[i] is not JsonObject line)
                {
                    failures.Add(new ValidationFailure(path, "Each basket line must be an object."));
                    continue;
                }
                var price = MoneyOf(path + ".PRICE", line["PRICE"]) ?? Money.Zero;
                var discount = MoneyOf(path + ".DISCOUNT_PRICE", line["DISCOUNT_PRICE"]) ?? Money.Zero;
                var productOk = int.TryParse(Text(line["PRODUCT_ID"]), NumberStyles.None, CultureInfo.InvariantCulture, out var productId);
                var quantityOk = decimal.TryParse(Text(line["QUANTITY"]), NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity)
                    && quantity > 0 && quantity == decimal.Truncate(quantity) && quantity <= 1000;
                if (!productOk) failures.Add(new ValidationFailure(path + ".PRODUCT_ID", "'PRODUCT_ID' must be a Bitrix product id."));
                if (!quantityOk) failures.Add(new ValidationFailure(path + ".QUANTITY", "'QUANTITY' must be a whole number of items."));
                if (productOk && quantityOk)
                    basket.Add(new BitrixBasketLine(productId, Text(line["NAME"]) ?? $"Товар {productId}", price - discount, (int)quantity));
            }
        }

        DateOnly? date = null;
        if (properties.TryGetValue("data", out var rawDate) && !string.IsNullOrWhiteSpace(rawDate))
        {
            if (DateOnly.TryParseExact(rawDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                || DateOnly.TryParseExact(rawDate, "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
                date = d;
            else
                failures.Add(new ValidationFailure("data.properties.data", $"'{rawDate}' is not a delivery date (YYYY-MM-DD)."));
        }

        var deliveryPrice = MoneyOf("data.PRICE_DELIVERY", row["PRICE_DELIVERY"]);
        _ = MoneyOf("data.PRICE", row["PRICE"]);
        if (failures.Count > 0) throw new ValidationException(failures);

        var user = row["user"] as JsonObject;
        var userName = string.Join(' ', new[] { Text(user?["NAME"]), Text(user?["LAST_NAME"]) }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var comment = string.Join('\n', new[] { Text(row["USER_DESCRIPTION"]), Text(row["COMMENTS"]) }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new BitrixOrderData(id, Text(row["ACCOUNT_NUMBER"]), Text(row["XML_ID"]), Text(row["STATUS_ID"]), Flag(row["PAYED"]), Flag(row["CANCELED"]),
            deliveryPrice, basket, properties, userName.Length == 0 ? null : userName, Text(user?["PERSONAL_PHONE"]),
            comment.Length == 0 ? null : comment, Text(row["PAY_SYSTEM_ID"]))
        {
            DeliveryDate = date,
        };
    }

    public Recipient RecipientOver(Recipient current) => new(
        Carries("nameRecipient") ? Prop("nameRecipient") : current.Name,
        Carries("phoneRecipient") ? Phone(Prop("phoneRecipient")) : current.Phone);

    public Delivery DeliveryOver(Delivery current)
    {
        var pickupCarried = Carries("iWillGet") || Carries("pickup");
        var type = pickupCarried ? (IsPickup ? DeliveryType.Pickup : current.Type == DeliveryType.Pickup ? DeliveryType.Delivery : current.Type) : current.Type;
        return current with
        {
            Type = type,
            Address = type == DeliveryType.Pickup ? null : Carries("addressRecipient") ? Prop("addressRecipient") : current.Address,
            Date = DeliveryDate ?? current.Date,
            TimeSlotId = Carries("when") ? Prop("when") : current.TimeSlotId,
            CityId = Carries("city") ? Prop("city") : current.CityId,
        };
    }

    public static string? Phone(string? raw) => PhoneNumber.TryParse(raw, out var p) ? p.Value : raw;
}
