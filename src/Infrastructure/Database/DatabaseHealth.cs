using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cvety.Infrastructure.Database;

/// <summary>
/// The database check of <c>/health</c> and <c>/ready</c>: ASP.NET Core's health checks with the NpgSql check of
/// AspNetCore.HealthChecks, on a separate small pool with short timeouts, so probes never queue behind the
/// application's connections and a down database is reported within seconds.
/// </summary>
public static class DatabaseHealth
{
    public const string Name = "database";

    public static IHealthChecksBuilder AddDatabaseCheck(this IHealthChecksBuilder checks, string connectionString) =>
        checks.AddNpgSql(ProbeConnectionString(connectionString), name: Name, timeout: TimeSpan.FromSeconds(3));

    public static string ProbeConnectionString(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString)
    {
        Timeout = 3,
        CommandTimeout = 3,
        ApplicationName = "cvety-health",
        MaxPoolSize = 2,
    }.ConnectionString;
}
