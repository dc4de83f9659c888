using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cvety.Domain.Common;
using Cvety.Domain.Products;

namespace Cvety.Application.Bitrix;

/// <summary>A product as Bitrix's production API and product webhook describe it, read into our terms.</summary>
public sealed record BitrixProductData(long BitrixId, ProductInfo Info, bool Available, IReadOnlyList<ProductImage> Images)
{
    /// <summary>Reads one production product JSON object; a missing or bad id, title or price is a <see cref="FormatException"/> naming the field.</summary>
    public static BitrixProductData Parse(JsonNode? node)
    {
        if (node is not JsonObject json) throw new FormatException("product: must be an object.");
        var id = IdOf(json["id"]) ?? throw new FormatException("id: required, a positive integer.");
        var title = Text(json["title"]) ?? Text(json["name"]);
        if (string.IsNullOrWhiteSpace(title)) throw new FormatException("title: required.");
        var price = ParsePrice(Text(json["price"])) ?? throw new FormatException($"price: '{Text(json["price"])}' is not a price like \"17 820 ₸\".");
        var type = Text(json["type"]) is { } t && ProductTypes.All.Contains(t) ? t : "catalog";

        var images = new List<string>();
        if (Text(json["image"]) is { Length: > 0 } primary) images.Add(primary);
        if (json["images"] is JsonArray more) images.AddRange(more.Select(Text).Where(u => !string.IsNullOrWhiteSpace(u))!);
        var ordered = images.Distinct().Take(10).Select((url, i) => new ProductImage(url, i, i == 0)).ToList();

        var info = new ProductInfo(
            title.Trim()[..Math.Min(title.Trim().Length, 300)], price, type, Text(json["description"]),
            ManufacturingTime: null,
            Width: ParseSize(Text(json["width"])) ?? ParseSize(Text(json["catalogWidth"])),
            Height: ParseSize(Text(json["height"])) ?? ParseSize(Text(json["catalogHeight"])),
            Colors: [], Occasions: [], Cities: [], Tags: []);
        var available = json["isAvailable"] is JsonValue v && v.TryGetValue<bool>(out var a) ? a : true;
        return new BitrixProductData(id, info, available, ordered);
    }

    /// <summary>A Bitrix id, sent as a number or a numeric string; null when it is neither or not positive.</summary>
    public static long? IdOf(JsonNode? node) => LongOf(node) is > 0 and var id ? id : null;

    /// <summary>"17 820 ₸" (spaces, no-break spaces, the tenge sign or "тг") is 1 782 000 tiyn; "7500.00" is 750 000.</summary>
    public static Money? ParsePrice(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var digits = Regex.Replace(text, @"[\s\u00A0\u202F₸]|тг\.?|KZT", "", RegexOptions.IgnoreCase).Replace(',', '.');
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var tenge) && tenge > 0 && tenge < 100_000_000
            ? Money.FromTenge(tenge)
            : null;
    }

    /// <summary>"65 см", "70", "" and null: centimetres or nothing.</summary>
    public static int? ParseSize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var match = Regex.Match(text, @"\d+");
        return match.Success && int.TryParse(match.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var cm) && cm is > 0 and <= 1000 ? cm : null;
    }

    /// <summary>Whole tenge with spaces between thousands, as Bitrix shows prices: 495 000 tiyn is "4 950 ₸".</summary>
    public static string FormatPrice(Money price)
    {
        var tenge = price.ToTenge();
        var format = new NumberFormatInfo { NumberGroupSeparator = " ", NumberDecimalSeparator = "." };
        return (tenge == decimal.Truncate(tenge) ? tenge.ToString("#,0", format) : tenge.ToString("#,0.00", format)) + " ₸";
    }

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out _) => null,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    private static long? LongOf(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };
}
