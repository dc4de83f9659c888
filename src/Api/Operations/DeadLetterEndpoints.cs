using Cvety.Application.Operations;
using Wolverine;
using Prometheus;
using Wolverine.Persistence.Durability;

namespace Cvety.Api.Operations;

/// <summary>
/// Outbound calls that ran out of retries wait in Wolverine's dead-letter store. Directors and the superadmin list
/// them and replay them once the other side is fixed. Pending and failed counts are exported as metrics.
/// </summary>
public static class DeadLetterEndpoints
{
    public sealed record ReplayRequest(Guid[]? Ids);

    private static readonly Gauge Outbox = Metrics.CreateGauge("cvety_outbox_messages", "Messages held by Wolverine's durable store, by state.", "state");

    public static IEndpointRouteBuilder MapDeadLetterEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin/dead-letters").WithTags("Operations").RequireAuthorization();

        admin.MapGet("/", (IMessageBus bus, HttpContext http) => bus.InvokeAsync<IReadOnlyList<DeadLetterView>>(new ListDeadLetters(), http.RequestAborted))
            .WithSummary("Outbound messages that ran out of retries: a director sees their shop's, the superadmin every shop's.");

        admin.MapPost("/replay", (ReplayRequest body, IMessageBus bus, HttpContext http) =>
                bus.InvokeAsync<DeadLettersReplayed>(new ReplayDeadLetters(body.Ids), http.RequestAborted))
            .WithSummary("Send dead-lettered messages again (all the caller may see, or the given ids; another shop's id is 404).");

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
}
