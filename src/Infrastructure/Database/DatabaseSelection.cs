using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Cvety.Infrastructure.Development;

namespace Cvety.Infrastructure.Database;

/// <summary>
/// Which PostgreSQL Cvety uses: <c>ConnectionStrings:Marten</c> when set, otherwise a local cluster the process
/// starts and owns (<see cref="LocalPostgres"/>), configured under <c>Cvety:Database</c>.
/// </summary>
public sealed class DatabaseSelection
{
    private DatabaseSelection(string connectionString, LocalPostgres? local)
    {
        ConnectionString = connectionString;
        Local = local;
    }

    /// <summary>
    /// The connection string of the local cluster this process runs (a development machine): its pool holds at most
    /// <see cref="DefaultMaxPoolSize"/> connections unless its settings say otherwise (Npgsql's own default is 100). Npgsql
    /// hands out idle connections in turn, so every pooled connection's backend keeps touching PostgreSQL's shared
    /// memory, which the kernel's page scanner (DAMON on these machines) pays for per process (ADR 0010).
    /// A configured <c>ConnectionStrings:Marten</c> is used exactly as given: pool size, <c>No Reset On Close</c> and
    /// <c>Max Auto Prepare</c> are the operator's to set there. Connections are reset when they go back to the pool
    /// (Npgsql's default), so a command that failed leaves nothing behind for the next user of the connection.
    /// </summary>
    public static string ForLocalCluster(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>().Select(Keyword).ToHashSet();
        if (!given.Contains(Keyword("Maximum Pool Size")) && !given.Contains(Keyword("MaxPoolSize")))
            builder.MaxPoolSize = Math.Max(DefaultMaxPoolSize, builder.MinPoolSize);
        return builder.ConnectionString;
    }

    /// <summary>Twice the machine's cores, at least 4: enough to keep PostgreSQL's cores busy while others wait on the network.</summary>
    public static int DefaultMaxPoolSize => Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>A connection-string keyword as Npgsql compares it: case and spaces do not count ("No Reset On Close" is "NoResetOnClose").</summary>
    private static string Keyword(string given) => given.Replace(" ", "").ToLowerInvariant();

    public string ConnectionString { get; }

    /// <summary>What Cvety's connections open with: <see cref="ConnectionString"/>, with TCP keepalive unless it says otherwise.</summary>
    public string ForConnections => WithKeepAlive(ConnectionString);

    public LocalPostgres? Local { get; }

    /// <summary>
    /// The configured database, or else a local cluster: always in Development, elsewhere only when
    /// <c>Cvety:Database:Local=true</c> asks for it, so that a production host missing its connection string stops
    /// instead of quietly running on a private, empty database.
    /// </summary>
    public static async Task<DatabaseSelection> ResolveAsync(IConfiguration configuration, ILogger logger, bool isDevelopment = true, CancellationToken ct = default)
    {
        var configured = configuration.GetConnectionString("Marten");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
            logger.LogInformation("Using the configured PostgreSQL database {Database} on {Host}:{Port}", builder.Database, builder.Host, builder.Port);
            return new DatabaseSelection(configured, null);
        }

        var options = Configuration.Settings.Bind<LocalPostgresOptions>(configuration, "Cvety:Database");
        if (!isDevelopment && options.Local != true)
            throw new Configuration.InvalidSettingsException(
                "ConnectionStrings:Marten is not set. Outside Development Cvety does not start a database of its own unless asked to: " +
                "set ConnectionStrings:Marten (environment variable ConnectionStrings__Marten), or Cvety:Database:Local=true for a local cluster.");
        var local = await LocalPostgres.StartAsync(options, logger, ct);
        return new DatabaseSelection(ForLocalCluster(local.ConnectionString), local);
    }

    /// <summary>
    /// TCP keepalive on the connections, unless the connection string already says: a node that dies without closing its
    /// sockets (a power cut, a network split) otherwise leaves PostgreSQL holding its sessions, and with them the
    /// advisory locks of Wolverine's durability agent and Marten's daemon, for the kernel's two hours (ADR 0026).
    /// Everything else in a configured string is still used as given.
    /// </summary>
    public static string WithKeepAlive(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>().Select(Keyword).ToHashSet();
        if (given.Any(k => k.StartsWith("tcpkeepalive", StringComparison.Ordinal))) return connectionString;
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { TcpKeepAlive = true, TcpKeepAliveTime = 10, TcpKeepAliveInterval = 5 }.ConnectionString;
    }
}
