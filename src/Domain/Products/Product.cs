using Cvety.Domain.Common;

namespace Cvety.Domain.Products;

public static class ProductTypes
{
    public static readonly string[] All = ["flowers", "sweets", "fruits", "gifts", "vitrina", "catalog"];
}

/// <summary>
/// A product of one shop. Orders copy its name and price when they are placed: the price a customer pays comes
/// from here, never from the client.
/// </summary>
public sealed class Product
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public Money Price { get; set; }
    public string Type { get; set; } = "flowers";
    public string? Description { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
