using Cvety.Application.Common;
using Cvety.Domain.Users;
using Prometheus;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Cvety.Api.Operations;

/// <summary>
/// Outbound calls that ran out of retries wait in Wolverine's dead-letter store. Directors and the superadmin list
/// them and replay them once the other side is fixed. Pending and failed counts are exported as metrics.
/// </summary>
public static class DeadLetterEndpoints
{
    public sealed record DeadLetterView(Guid Id, string? MessageType, string? ExceptionType, string? ExceptionMessage, DateTimeOffset? SentAt, int ReplayCount);

    public sealed record ReplayRequest(Guid[]? Ids);

    private static readonly Gauge Outbox = Metrics.CreateGauge("cvety_outbox_messages", "Messages held by Wolverine's durable store, by state.", "state");

    public static IEndpointRouteBuilder MapDeadLetterEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin/dead-letters").WithTags("Operations").RequireAuthorization();

        admin.MapGet("/", async (IMessageStore store, ICurrentUser user, CancellationToken ct) =>
        {
            RequireOperator(user);
            var page = await store.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { PageSize = 200 }, ct);
            return page.Envelopes.Select(e => new DeadLetterView(e.Id, e.MessageType, e.ExceptionType, e.ExceptionMessage, e.SentAt, e.ReplayCount)).ToList();
        }).WithSummary("Outbound messages that ran out of retries.");

        admin.MapPost("/replay", async (ReplayRequest body, IMessageStore store, ICurrentUser user, CancellationToken ct) =>
        {
            RequireOperator(user);
            var ids = body.Ids is { Length: > 0 } given
                ? given
                : (await store.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { PageSize = 1000 }, ct)).Envelopes.Select(e => e.Id).ToArray();
            if (ids.Length > 0) await store.DeadLetters.ReplayAsync(new DeadLetterEnvelopeQuery { MessageIds = [.. ids] }, ct);
            return Results.Ok(new { replayed = ids.Length });
        }).WithSummary("Send dead-lettered messages again (all, or the given ids).");

        Metrics.DefaultRegistry.AddBeforeCollectCallback(async ct =>
        {
            var store = app.ServiceProvider.GetRequiredService<IMessageStore>();
            try
            {
                var counts = await store.Admin.FetchCountsAsync();
                Outbox.WithLabels("incoming").Set(counts.Incoming);
                Outbox.WithLabels("scheduled").Set(counts.Scheduled);
                Outbox.WithLabels("outgoing").Set(counts.Outgoing);
                Outbox.WithLabels("dead_letter").Set(counts.DeadLetter);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // The database is down; /health says so. Metrics keep their last values.
            }
        });
        return app;
    }

    private static void RequireOperator(ICurrentUser user)
    {
        if (user.Actor.Role is not (UserRole.Director or UserRole.Superadmin))
            throw new ForbiddenException("Only directors and the superadmin manage failed deliveries.");
    }
}
