using Cvety.Domain.Users;

namespace Cvety.Domain.Orders;

/// <summary>
/// The order lifecycle, written once. People move an order one allowed step forward; outside systems of record
/// (Bitrix) may report a later status directly; nothing moves backwards; delivered and cancelled are final.
/// </summary>
public static class OrderTransitions
{
    /// <summary>Which status may follow which, for people (staff and customers).</summary>
    public static readonly IReadOnlyDictionary<OrderStatus, OrderStatus[]> Allowed = new Dictionary<OrderStatus, OrderStatus[]>
    {
        //                        next steps                                                        cancel
        [OrderStatus.New] =        [OrderStatus.Paid, OrderStatus.Accepted,                          OrderStatus.Cancelled],
        [OrderStatus.Paid] =       [OrderStatus.Accepted,                                            OrderStatus.Cancelled],
        [OrderStatus.Accepted] =   [OrderStatus.Assembled,                                           OrderStatus.Cancelled],
        [OrderStatus.Assembled] =  [OrderStatus.InDelivery,                                          OrderStatus.Cancelled],
        [OrderStatus.InDelivery] = [OrderStatus.Delivered,                                           OrderStatus.Cancelled],
        [OrderStatus.Delivered] =  [],
        [OrderStatus.Cancelled] =  [],
    };

    /// <summary>Which staff roles may move an order into a status. Directors, managers and the superadmin may do any allowed move.</summary>
    public static readonly IReadOnlyDictionary<OrderStatus, UserRole[]> WhoMay = new Dictionary<OrderStatus, UserRole[]>
    {
        [OrderStatus.Paid] = [UserRole.Manager, UserRole.Director, UserRole.Superadmin],
        [OrderStatus.Accepted] = [UserRole.Florist, UserRole.Manager, UserRole.Director, UserRole.Superadmin],
        [OrderStatus.Assembled] = [UserRole.Florist, UserRole.Manager, UserRole.Director, UserRole.Superadmin],
        [OrderStatus.InDelivery] = [UserRole.Courier, UserRole.Manager, UserRole.Director, UserRole.Superadmin],
        [OrderStatus.Delivered] = [UserRole.Courier, UserRole.Manager, UserRole.Director, UserRole.Superadmin],
        [OrderStatus.Cancelled] = [UserRole.Manager, UserRole.Director, UserRole.Superadmin],
        [OrderStatus.New] = [],
    };

    public static bool IsTerminal(OrderStatus status) => status is OrderStatus.Delivered or OrderStatus.Cancelled;

    public static bool CanMove(OrderStatus from, OrderStatus to) => Allowed[from].Contains(to);

    /// <summary>Position along the happy path; used to tell forward from backward for reports from outside.</summary>
    public static int Rank(OrderStatus status) => status switch
    {
        OrderStatus.New => 0,
        OrderStatus.Paid => 1,
        OrderStatus.Accepted => 2,
        OrderStatus.Assembled => 3,
        OrderStatus.InDelivery => 4,
        OrderStatus.Delivered => 5,
        OrderStatus.Cancelled => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Customers may change what they ordered only until the bouquet is assembled.</summary>
    public static bool CustomerMayEdit(OrderStatus status) => status is OrderStatus.New or OrderStatus.Paid or OrderStatus.Accepted;
}
