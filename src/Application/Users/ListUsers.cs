using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Domain.Users;
using Marten;

namespace Cvety.Application.Users;

/// <summary>
/// People: staff see their own shop's team (the assignment pickers, the team screen); the superadmin sees everyone,
/// or one shop's with <see cref="ShopId"/>. Removed members are listed with <c>is_active: false</c> only when asked.
/// </summary>
public sealed record ListUsers(int? ShopId = null, bool IncludeInactive = false);

public static class ListUsersHandler
{
    public static async Task<IReadOnlyList<UserView>> Handle(ListUsers query, IQuerySession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var actor = currentUser.RequireStaff();
        var shop = actor.IsSuperadmin ? query.ShopId : actor.ShopId;
        IQueryable<User> users = session.Query<User>();
        if (shop is { } id) users = users.Where(u => u.ShopId == id);
        else if (!actor.IsSuperadmin) return [];
        if (!query.IncludeInactive) users = users.Where(u => u.IsActive);
        return (await users.OrderBy(u => u.Name).ToListAsync(ct)).Select(UserView.Of).ToList();
    }
}
