using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cvety.Infrastructure.Database;

/// <summary>
/// Which PostgreSQL Cvety uses: <c>ConnectionStrings:Marten</c> when set, otherwise a local cluster the process
/// starts and owns (<see cref="LocalPostgres"/>), configured under <c>Cvety:Database</c>.
/// </summary>
public sealed class DatabaseSelection
{
    private DatabaseSelection(string connectionString, LocalPostgres? local)
    {
        ConnectionString = Tuned(connectionString);
        Local = local;
    }

    /// <summary>
    /// Connection settings Cvety applies unless the configured connection string gives them (then it wins):
    /// <list type="bullet">
    /// <item>Marten opens a pooled connection per operation, so a request takes several from the pool. Npgsql's reset
    /// on each (a DISCARD ALL round trip) was a third of the statements of a webhook; Cvety sets no session state that
    /// could leak between uses, so the reset is skipped (<c>No Reset On Close</c>).</item>
    /// <item>Statements used again and again are prepared automatically (<c>Max Auto Prepare</c>).</item>
    /// <item>The pool holds at most <see cref="DefaultMaxPoolSize"/> connections (<c>Maximum Pool Size</c>, Npgsql's own
    /// default is 100). Npgsql hands out idle connections in turn, so every pooled connection's backend keeps touching
    /// PostgreSQL's shared memory, and the kernel's page scanner (DAMON on these machines) pays for every process that
    /// maps a page it samples. More connections than PostgreSQL has cores only queue inside PostgreSQL. See ADR 0010.</item>
    /// </list>
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>().Select(Keyword).ToHashSet();
        if (!given.Contains(Keyword("No Reset On Close"))) builder.NoResetOnClose = true;
        if (!given.Contains(Keyword("Max Auto Prepare"))) builder.MaxAutoPrepare = 64;
        if (!given.Contains(Keyword("Maximum Pool Size")) && !given.Contains(Keyword("MaxPoolSize")))
            builder.MaxPoolSize = Math.Max(DefaultMaxPoolSize, builder.MinPoolSize);
        return builder.ConnectionString;
    }

    /// <summary>Twice the machine's cores, at least 4: enough to keep PostgreSQL's cores busy while others wait on the network.</summary>
    public static int DefaultMaxPoolSize => Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>A connection-string keyword as Npgsql compares it: case and spaces do not count ("No Reset On Close" is "NoResetOnClose").</summary>
    private static string Keyword(string given) => given.Replace(" ", "").ToLowerInvariant();

    public string ConnectionString { get; }

    public LocalPostgres? Local { get; }

    public static async Task<DatabaseSelection> ResolveAsync(IConfiguration configuration, ILogger logger, CancellationToken ct = default)
    {
        var configured = configuration.GetConnectionString("Marten");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
            logger.LogInformation("Using the configured PostgreSQL database {Database} on {Host}:{Port}", builder.Database, builder.Host, builder.Port);
            return new DatabaseSelection(configured, null);
        }

        var options = configuration.GetSection("Cvety:Database").Get<LocalPostgresOptions>() ?? new LocalPostgresOptions();
        var local = await LocalPostgres.StartAsync(options, logger, ct);
        return new DatabaseSelection(local.ConnectionString, local);
    }
}

/// <summary>
/// Stops the local cluster when the host stops. Registered before Marten and Wolverine so that, hosted services
/// stopping in reverse order, the database goes away only after everything that writes to it has stopped.
/// </summary>
public sealed class LocalPostgresLifetime(DatabaseSelection selection) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (selection.Local is { } local) await local.StopAsync();
    }
}
