using JasperFx.Events;

namespace Cvety.Application.Orders;

public static class EventTime
{
    /// <summary>
    /// The event's timestamp at PostgreSQL's precision (microseconds). Inline projections see the timestamp before it
    /// is stored, with .NET's 100 ns ticks; a rebuild reads it back from the database. Truncating here makes a rebuilt
    /// read model identical to the live one.
    /// </summary>
    public static DateTimeOffset At(this IEvent e) => new(e.Timestamp.Ticks - e.Timestamp.Ticks % 10, e.Timestamp.Offset);
}
