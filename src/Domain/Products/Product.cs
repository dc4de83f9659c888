using System.Text.Json.Serialization;
using Cvety.Domain.Common;

namespace Cvety.Domain.Products;

public static class ProductTypes
{
    public static readonly string[] All = ["flowers", "sweets", "fruits", "gifts", "vitrina", "catalog"];
}

/// <summary>
/// A product of one shop, as its events made it (the inline projection of its stream). Orders copy its name and
/// price when they are placed: the price a customer pays comes from here, never from the client. Field names are
/// the legacy backend's.
/// </summary>
public sealed class Product
{
    public int Id { get; set; }
    public int ShopId { get; set; }
    public string Name { get; set; } = "";
    public Money Price { get; set; }
    public string Type { get; set; } = "flowers";
    public string? Description { get; set; }

    [JsonPropertyName("manufacturingTime")]
    public int? ManufacturingTime { get; set; }

    public int? Width { get; set; }
    public int? Height { get; set; }

    [JsonPropertyName("shelfLife")]
    public int? ShelfLife { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Withdrawn for good: never on sale again, kept for the orders and history that name it.</summary>
    public bool Archived { get; set; }
    public bool IsFeatured { get; set; }
    public List<string> Colors { get; set; } = [];
    public List<string> Occasions { get; set; } = [];
    public List<string> Cities { get; set; } = [];
    public List<string> Tags { get; set; } = [];

    /// <summary>The primary image's URL.</summary>
    public string? Image { get; set; }

    public List<ProductImage> Images { get; set; } = [];
    public List<CompositionLine> Composition { get; set; } = [];
    public long? BitrixId { get; set; }

    /// <summary>The stream version this state reflects (its ETag); writes expect it. Not named Version: Marten would fill that with the event sequence.</summary>
    [JsonPropertyName("version")]
    public long Revision { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The shop's name, filled by the platform's cross-shop list; not stored.</summary>
    [JsonIgnore]
    public string? ShopName { get; set; }

    public ProductInfo Info => new(Name, Price, Type, Description, ManufacturingTime, Width, Height, ShelfLife, IsFeatured, Colors, Occasions, Cities, Tags);

    public void Set(ProductInfo info)
    {
        Name = info.Name;
        Price = info.Price;
        Type = info.Type;
        Description = info.Description;
        ManufacturingTime = info.ManufacturingTime;
        Width = info.Width;
        Height = info.Height;
        ShelfLife = info.ShelfLife;
        IsFeatured = info.IsFeatured;
        Colors = [.. info.Colors ?? []];
        Occasions = [.. info.Occasions ?? []];
        Cities = [.. info.Cities ?? []];
        Tags = [.. info.Tags ?? []];
    }

    /// <summary>Name, description, type, tags, colours and occasions in one text, for full-text and typo-tolerant search.</summary>
    public static string SearchTextOf(ProductInfo info) =>
        string.Join(' ', new[] { info.Name, info.Description, info.Type }.Concat(info.Tags ?? []).Concat(info.Colors ?? []).Concat(info.Occasions ?? [])
            .Where(s => !string.IsNullOrWhiteSpace(s)));
}
