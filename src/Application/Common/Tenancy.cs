using System.Globalization;
using Marten;

namespace Cvety.Application.Common;

public static class Tenancy
{
    /// <summary>
    /// The shop whose data this session sees. Sessions are opened per shop by the API (the caller's shop, or the shop a
    /// public request names); a session without a shop has no shop data and cannot write any.
    /// </summary>
    public static int ShopOf(IQuerySession session) =>
        int.TryParse(session.TenantId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var shop)
            ? shop
            : throw new ForbiddenException("This operation needs a shop.");
}
