using System.Reflection;
using Cvety.Infrastructure.Database;

namespace Cvety.Api.Operations;

public static class OperationsEndpoints
{
    private static readonly string Version =
        typeof(OperationsEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public sealed record CheckResult(string Status, string? Error, double LatencyMs);

    public sealed record HealthResponse(string Status, DateTimeOffset Timestamp, string Service, string Version, IReadOnlyDictionary<string, CheckResult> Checks);

    public sealed record ReadyResponse(bool Ready, IReadOnlyDictionary<string, CheckResult> Checks);

    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (DatabaseHealth database, TimeProvider clock, CancellationToken ct) =>
            {
                var db = await database.CheckAsync(ct);
                var checks = new Dictionary<string, CheckResult> { ["database"] = Check(db) };
                var body = new HealthResponse(db.Healthy ? "healthy" : "degraded", clock.GetUtcNow(), "cvety-api", Version, checks);
                return Results.Json(body, statusCode: db.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            })
            .AllowAnonymous().WithTags("Operations").WithSummary("Liveness with a database round trip; 503 when the database is unreachable.");

        app.MapGet("/ready", async (DatabaseHealth database, CancellationToken ct) =>
            {
                var db = await database.CheckAsync(ct);
                var body = new ReadyResponse(db.Healthy, new Dictionary<string, CheckResult> { ["database"] = Check(db) });
                return Results.Json(body, statusCode: db.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            })
            .AllowAnonymous().WithTags("Operations").WithSummary("Readiness for traffic.");

        app.MapGet("/api/v1/admin/projections", (Wolverine.IMessageBus bus) => bus.InvokeAsync<Cvety.Application.Operations.ProjectionStatus>(new Cvety.Application.Operations.GetProjectionStatus()))
            .RequireAuthorization().WithTags("Operations").WithSummary("Event store counts and projection progress (DIRECTOR or superadmin).");

        return app;
    }

    private static CheckResult Check(DatabaseStatus status) =>
        new(status.Healthy ? "healthy" : "unhealthy", status.Error, Math.Round(status.LatencyMs, 2));
}
