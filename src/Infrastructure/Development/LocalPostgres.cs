using Microsoft.Extensions.Hosting;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cvety.Infrastructure.Development;

public sealed record LocalPostgresOptions
{
    /// <summary>Folder that holds the cluster (<c>data/</c>) and its connection details. Default: see <see cref="LocalPostgres.DefaultRoot"/>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Folder with initdb, pg_ctl and postgres. Default: PATH, then the usual install folders.</summary>
    public string? BinDirectory { get; set; }

    public string Database { get; set; } = "cvety";

    /// <summary>Outside Development, a local cluster is used only when this is true (Cvety:Database:Local).</summary>
    public bool? Local { get; set; }

    /// <summary>When true the cluster is removed on dispose (test clusters).</summary>
    public bool Throwaway { get; set; }

    /// <summary>
    /// Extra <c>postgresql.conf</c> lines for a new cluster (the benchmark's statement profile, for example). They come
    /// after <see cref="LocalPostgres.DefaultSettings"/>, so a line here for the same setting wins.
    /// </summary>
    public IReadOnlyList<string> Settings { get; set; } = [];
}

/// <summary>
/// A private PostgreSQL cluster the process starts and owns, so that running Cvety needs no hand-made database.
/// It is created on first use, reused on the next start, and stopped when the process stops. PostgreSQL refuses
/// to run as root, so under root the server runs as the <c>postgres</c> user (or <c>nobody</c>) through runuser.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string SuperUser = "cvety";
    private readonly ILogger _logger;
    private readonly string _bin;
    private readonly string _root;
    private readonly string? _runAs;
    private readonly bool _throwaway;
    private bool _startedByUs;

    private LocalPostgres(ILogger logger, string bin, string root, string? runAs, bool throwaway, string connectionString)
    {
        _logger = logger;
        _bin = bin;
        _root = root;
        _runAs = runAs;
        _throwaway = throwaway;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; private set; }

    /// <summary>
    /// What a new cluster starts with besides PostgreSQL's defaults. Shared buffers are 16 MB, not 128 MB: every backend
    /// maps them, and on hosts whose kernel scans physical memory (DAMON, as on these machines) a large mapping shared
    /// by many processes makes each pass expensive for all of them. Reads beyond the buffers come from the kernel's
    /// page cache, which no process maps. See docs/decisions/0011.
    /// </summary>
    /// <summary>
    /// A small shared_buffers (ADR 0011), and the server's own keepalive probes, so that a client machine gone silent
    /// loses its sessions and their advisory locks within half a minute (ADR 0026).
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultSettings =
        ["shared_buffers = 16MB", "tcp_keepalives_idle = 10", "tcp_keepalives_interval = 5", "tcp_keepalives_count = 3"];

    public string DataPath => Path.Combine(_root, "data");

    /// <summary>
    /// The user's local data folder (<c>~/.local/share/cvety/postgres</c> on Linux). Under root that folder is not
    /// reachable by the unprivileged user the server runs as, so root gets <c>/var/lib/cvety/postgres</c>.
    /// </summary>
    public static string DefaultRoot() => Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows()
        ? "/var/lib/cvety/postgres"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "cvety", "postgres");

    public static async Task<LocalPostgres> StartAsync(LocalPostgresOptions options, ILogger logger, CancellationToken ct = default)
    {
        var bin = FindBinaries(options.BinDirectory);
        var root = Path.GetFullPath(options.DataDirectory ?? DefaultRoot());
        var runAs = Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows() ? UnprivilegedUser() : null;

        Directory.CreateDirectory(root);
        if (runAs is not null) await RequireReachableAsync(root, runAs, ct);
        var state = await InitialiseAsync(bin, root, runAs, options.Settings, logger, ct);

        var pg = new LocalPostgres(logger, bin, root, runAs, options.Throwaway, "");
        await pg.StartServerAsync(state, ct);
        pg.ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = state.Port,
            Username = SuperUser,
            Password = state.Password,
            Database = options.Database,
        }.ConnectionString;
        await pg.EnsureDatabaseAsync(options.Database, ct);
        logger.LogInformation("Using the local PostgreSQL cluster in {DataDirectory} on 127.0.0.1:{Port}, database {Database}", pg.DataPath, state.Port, options.Database);
        return pg;
    }

    /// <summary>
    /// Under root the server runs as another user, who must be able to enter every folder on the way to the cluster.
    /// A folder only root may enter (root's home, say) would otherwise fail deep inside initdb with a stack trace.
    /// </summary>
    private static async Task RequireReachableAsync(string root, string runAs, CancellationToken ct)
    {
        var probe = await RunAsync("test", ["-x", root], runAs, ct, throwOnError: false);
        if (probe.ExitCode != 0)
            throw new Configuration.InvalidSettingsException(
                $"The local PostgreSQL folder {root} cannot be reached by the user '{runAs}' that runs the server (a folder on the way is closed to it). " +
                "Set Cvety:Database:DataDirectory to a folder that user can enter (the default under root is /var/lib/cvety/postgres), or set ConnectionStrings:Marten.");
    }

    private sealed record ClusterState(int Port, string Password);

    private static async Task<ClusterState> InitialiseAsync(string bin, string root, string? runAs, IReadOnlyList<string> settings, ILogger logger, CancellationToken ct)
    {
        var data = Path.Combine(root, "data");
        var stateFile = Path.Combine(root, "cvety-postgres.json");
        if (File.Exists(Path.Combine(data, "PG_VERSION")) && File.Exists(stateFile))
            return JsonSerializer.Deserialize<ClusterState>(await File.ReadAllTextAsync(stateFile, ct))!;

        logger.LogInformation("Creating a local PostgreSQL cluster in {DataDirectory} with {Bin}", data, bin);
        if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        Directory.CreateDirectory(data);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var pwFile = Path.Combine(root, ".initdb-pw");
        await File.WriteAllTextAsync(pwFile, password, ct);
        try
        {
            if (runAs is not null)
            {
                await RunAsync("chown", ["-R", runAs, data], null, ct);
                await RunAsync("chown", [runAs, pwFile], null, ct);
            }
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(pwFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

            string[] common = ["-D", data, "-U", SuperUser, "--pwfile", pwFile, "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "-E", "UTF8"];
            // C.UTF-8 keeps case-insensitive search right for Cyrillic; not every system has that locale.
            var result = await RunAsync(Path.Combine(bin, "initdb"), [.. common, "--locale=C.UTF-8"], runAs, ct, throwOnError: false);
            if (result.ExitCode != 0)
            {
                Directory.Delete(data, recursive: true);
                Directory.CreateDirectory(data);
                if (runAs is not null) await RunAsync("chown", ["-R", runAs, data], null, ct);
                await RunAsync(Path.Combine(bin, "initdb"), [.. common, "--no-locale"], runAs, ct);
            }
        }
        finally
        {
            File.Delete(pwFile);
        }

        // Loopback TCP only; no Unix socket, so the server needs no writable /var/run folder.
        await File.AppendAllTextAsync(Path.Combine(data, "postgresql.conf"),
            "\n# Cvety local cluster\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 200\nfsync = on\n"
            + string.Concat(DefaultSettings.Concat(settings).Select(line => line + "\n")), ct);

        var state = new ClusterState(FreePort(), password);
        await File.WriteAllTextAsync(stateFile, JsonSerializer.Serialize(state), ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(stateFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return state;
    }

    private async Task StartServerAsync(ClusterState state, CancellationToken ct)
    {
        var status = await RunAsync(Path.Combine(_bin, "pg_ctl"), ["status", "-D", DataPath], _runAs, ct, throwOnError: false);
        if (status.ExitCode == 0)
        {
            // Left running by an earlier process that did not stop cleanly: adopt it, and stop it when we stop.
            _logger.LogInformation("The local PostgreSQL cluster in {DataDirectory} is already running; reusing it", DataPath);
            _startedByUs = true;
            return;
        }

        var log = Path.Combine(DataPath, "cvety-server.log");
        var result = await RunAsync(Path.Combine(_bin, "pg_ctl"),
            ["start", "-D", DataPath, "-l", log, "-w", "-t", "60", "-o", $"-p {state.Port}"], _runAs, ct, throwOnError: false);
        if (result.ExitCode != 0)
        {
            var tail = File.Exists(log) ? string.Join('\n', (await File.ReadAllLinesAsync(log, ct)).TakeLast(15)) : "";
            throw new InvalidOperationException(
                $"The local PostgreSQL cluster in {DataPath} did not start (port {state.Port}).\n{result.Output}\n{tail}");
        }
        _startedByUs = true;
    }

    private async Task EnsureDatabaseAsync(string database, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres" }.ConnectionString;
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", conn);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "\"\"")}\"", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task StopAsync()
    {
        if (!_startedByUs) return;
        _startedByUs = false;
        NpgsqlConnection.ClearAllPools();
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["stop", "-D", DataPath, "-m", "fast", "-w", "-t", "60"], _runAs, CancellationToken.None, throwOnError: false);
        _logger.LogInformation("Stopped the local PostgreSQL cluster in {DataDirectory}", DataPath);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_throwaway)
        {
            try { Directory.Delete(_root, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// initdb, pg_ctl and postgres: from the configured folder, then PATH, then the folders package managers
    /// install into. The newest version wins among install folders.
    /// </summary>
    public static string FindBinaries(string? configured)
    {
        var exe = OperatingSystem.IsWindows() ? ".exe" : "";
        bool Has(string dir) => File.Exists(Path.Combine(dir, "initdb" + exe)) && File.Exists(Path.Combine(dir, "pg_ctl" + exe)) && File.Exists(Path.Combine(dir, "postgres" + exe));

        if (configured is not null)
            return Has(configured) ? configured : throw new Configuration.InvalidSettingsException($"No PostgreSQL server binaries (initdb, pg_ctl, postgres) in the configured folder {configured}. {InstallAdvice}");

        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var found = path.FirstOrDefault(Has);
        if (found is not null) return found;

        string[] patterns = OperatingSystem.IsWindows()
            ? [@"C:\Program Files\PostgreSQL\*\bin"]
            : ["/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/usr/local/pgsql/bin", "/opt/homebrew/opt/postgresql*/bin", "/usr/local/opt/postgresql*/bin", "/Applications/Postgres.app/Contents/Versions/*/bin"];
        var candidates = patterns.SelectMany(Expand).Where(Has).OrderByDescending(VersionOf).ToList();
        return candidates.FirstOrDefault() ?? throw new Configuration.InvalidSettingsException(
            "ConnectionStrings:Marten is not set and no PostgreSQL server binaries (initdb, pg_ctl, postgres) were found on PATH " +
            "or in the usual install folders. " + InstallAdvice);
    }

    private const string InstallAdvice =
        "Install the PostgreSQL server (Debian/Ubuntu: apt-get install postgresql; macOS: brew install postgresql@16; " +
        "Windows: the EDB installer), set Cvety:Database:BinDirectory to its bin folder, " +
        "or point ConnectionStrings:Marten at an existing PostgreSQL 15+ database.";

    private static IEnumerable<string> Expand(string pattern)
    {
        // Only one wildcard segment is used in the patterns above.
        var parts = pattern.Split('*', 2);
        if (parts.Length == 1) return Directory.Exists(pattern) ? [pattern] : [];
        var parent = Path.GetDirectoryName(parts[0] + "x")!;
        if (!Directory.Exists(parent)) return [];
        var prefix = Path.GetFileName(parts[0] + "x")[..^1];
        return Directory.EnumerateDirectories(parent, prefix + "*").Select(d => d + parts[1]).Where(Directory.Exists);
    }

    private static Version VersionOf(string dir)
    {
        var digits = new string(dir.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(c => char.IsAsciiDigit(c) || c == '.').ToArray());
        return Version.TryParse(digits.Contains('.') ? digits : digits + ".0", out var v) ? v : new Version(0, 0);
    }

    private static string UnprivilegedUser()
    {
        foreach (var name in new[] { "postgres", "nobody" })
        {
            if (File.ReadLines("/etc/passwd").Any(l => l.StartsWith(name + ":", StringComparison.Ordinal))) return name;
        }
        throw new InvalidOperationException("Running as root, and neither a 'postgres' nor a 'nobody' user exists to run PostgreSQL as.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record ProcessResult(int ExitCode, string Output);

    private static async Task<ProcessResult> RunAsync(string file, string[] args, string? runAs, CancellationToken ct, bool throwOnError = true)
    {
        var psi = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The unprivileged user may not be able to enter the caller's working folder.
            WorkingDirectory = Path.GetTempPath(),
        };
        if (runAs is null)
        {
            psi.FileName = file;
        }
        else
        {
            psi.FileName = "runuser";
            foreach (var a in new[] { "-u", runAs, "--", file }) psi.ArgumentList.Add(a);
        }
        foreach (var a in args) psi.ArgumentList.Add(a);

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        // Read both pipes to the end: pg_ctl start leaves the server holding neither, so this does not hang.
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = (await stdout) + (await stderr);
        if (throwOnError && process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({process.ExitCode}): {output}");
        return new ProcessResult(process.ExitCode, output);
    }
}

/// <summary>
/// Stops the local cluster when the host stops. Registered before Marten and Wolverine so that, hosted services
/// stopping in reverse order, the database goes away only after everything that writes to it has stopped.
/// </summary>
public sealed class LocalPostgresLifetime(Database.DatabaseSelection selection) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (selection.Local is { } local) await local.StopAsync();
    }
}
