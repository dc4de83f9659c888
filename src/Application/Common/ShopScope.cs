using Cvety.Domain.Common;

namespace Cvety.Application.Common;

public static class Origins
{
    /// <summary>The origin of a change made by a signed-in member of staff.</summary>
    public static Origin Of(Actor actor) => actor.UserId is { } id
        ? new Origin(Sources.Admin, id.ToString(), actor.Role?.ToString().ToUpperInvariant())
        : new Origin(Sources.Customer, Sources.Customer);
}
