namespace Cvety.Domain.Orders;

public enum OrderStatus
{
    New,
    Paid,
    Accepted,
    Assembled,
    InDelivery,
    Delivered,
    Cancelled,
}

public static class OrderStatuses
{
    private static readonly Dictionary<OrderStatus, string> Names = new()
    {
        [OrderStatus.New] = "new",
        [OrderStatus.Paid] = "paid",
        [OrderStatus.Accepted] = "accepted",
        [OrderStatus.Assembled] = "assembled",
        [OrderStatus.InDelivery] = "in_delivery",
        [OrderStatus.Delivered] = "delivered",
        [OrderStatus.Cancelled] = "cancelled",
    };

    private static readonly Dictionary<string, OrderStatus> ByName = Names.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>The exact lower-case names of the legacy API: new, paid, accepted, assembled, in_delivery, delivered, cancelled.</summary>
    public static string Name(this OrderStatus status) => Names[status];

    public static bool TryParse(string? name, out OrderStatus status) => ByName.TryGetValue(name?.Trim() ?? "", out status);

    public static IReadOnlyCollection<string> AllNames => Names.Values;
}
