using Cvety.Domain.Common;

namespace Cvety.Application.Common;

public static class Origins
{
    /// <summary>The origin of a change made by a signed-in member of staff (through the API, or an assistant on their behalf).</summary>
    public static Origin Of(Actor actor) => actor.UserId is { } id
        ? new Origin(actor.Channel ?? Sources.Admin, id.ToString(), actor.Role?.ToString().ToUpperInvariant())
        : Customer(actor);

    /// <summary>The origin of a change a customer made: through <paramref name="source"/>, or the assistant that acted for them.</summary>
    public static Origin Customer(Actor actor, string source = Sources.Customer) =>
        new(actor.Channel ?? source, actor.Agent ?? Sources.Customer);
}
