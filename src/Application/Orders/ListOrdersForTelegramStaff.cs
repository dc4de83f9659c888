using Cvety.Application.Common;
using Cvety.Domain.Orders;
using Cvety.Domain.Users;
using Marten;

namespace Cvety.Application.Orders;

/// <summary>
/// The admin bot's order list (<c>GET /orders/admin/by-telegram</c>): the member of the shop whose account is linked to
/// this Telegram id sees the open orders assigned to them, or all open orders when they are a MANAGER or DIRECTOR. An
/// id linked to nobody of the shop is refused (403).
/// </summary>
public sealed record ListOrdersForTelegramStaff(long TelegramUserId);

public sealed record StaffOrders(Guid UserId, string Name, string Role, IReadOnlyList<OrderDetails> Orders);

public static class ListOrdersForTelegramStaffHandler
{
    public static async Task<StaffOrders> Handle(ListOrdersForTelegramStaff query, IQuerySession session, CancellationToken ct)
    {
        var shop = Tenancy.ShopOf(session);
        var user = await session.Query<User>().FirstOrDefaultAsync(u => u.TelegramUserId == query.TelegramUserId && u.ShopId == shop && u.IsActive && !u.IsBlocked, ct)
            ?? throw new ForbiddenException("This Telegram account is not linked to anyone of the shop.");
        string[] closed = [OrderStatus.Delivered.Name(), OrderStatus.Cancelled.Name()];
        IQueryable<OrderDetails> orders = session.Query<OrderDetails>().Where(o => !closed.Contains(o.Status));
        if (user.Role is not (UserRole.Manager or UserRole.Director)) orders = orders.Where(o => o.ResponsibleId == user.Id || o.CourierId == user.Id);
        return new StaffOrders(user.Id, user.Name, user.Role.Name(), await orders.OrderBy(o => o.DeliveryDate).Take(100).ToListAsync(ct));
    }
}
