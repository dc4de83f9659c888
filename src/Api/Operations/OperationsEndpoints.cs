using System.Reflection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

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
        // ASP.NET Core's health checks (the database check is AspNetCore.HealthChecks.NpgSql), answered in the shape
        // the operators' probes already read.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResultStatusCodes = StatusCodes, ResponseWriter = (http, report) =>
            {
                var clock = http.RequestServices.GetRequiredService<TimeProvider>();
                var body = new HealthResponse(report.Status == HealthStatus.Healthy ? "healthy" : "degraded", clock.GetUtcNow(), "cvety-api", Version, Checks(report));
                return http.Response.WriteAsJsonAsync(body, Cvety.Api.Endpoints.JsonBodies.Options(http));
            } })
            .WithTags("Operations").WithSummary("Liveness with a database round trip; 503 when the database is unreachable.");

        app.MapHealthChecks("/ready", new HealthCheckOptions { ResultStatusCodes = StatusCodes, ResponseWriter = (http, report) =>
                http.Response.WriteAsJsonAsync(new ReadyResponse(report.Status == HealthStatus.Healthy, Checks(report)), Cvety.Api.Endpoints.JsonBodies.Options(http)) })
            .WithTags("Operations").WithSummary("Readiness for traffic.");

        app.MapGet("/api/v1/admin/projections", (Wolverine.IMessageBus bus) => bus.InvokeAsync<Cvety.Application.Operations.ProjectionStatus>(new Cvety.Application.Operations.GetProjectionStatus()))
            .RequireAuthorization().WithTags("Operations").WithSummary("Event store counts and projection progress (DIRECTOR or superadmin).");

        return app;
    }

    private static readonly Dictionary<HealthStatus, int> StatusCodes = new()
    {
        [HealthStatus.Healthy] = Microsoft.AspNetCore.Http.StatusCodes.Status200OK,
        [HealthStatus.Degraded] = Microsoft.AspNetCore.Http.StatusCodes.Status503ServiceUnavailable,
        [HealthStatus.Unhealthy] = Microsoft.AspNetCore.Http.StatusCodes.Status503ServiceUnavailable,
    };


    private static IReadOnlyDictionary<string, CheckResult> Checks(HealthReport report) =>
        report.Entries.ToDictionary(e => e.Key, e => new CheckResult(
            e.Value.Status == HealthStatus.Healthy ? "healthy" : "unhealthy",
            e.Value.Status == HealthStatus.Healthy ? null : e.Value.Exception?.Message ?? e.Value.Description,
            Math.Round(e.Value.Duration.TotalMilliseconds, 2)));
}
