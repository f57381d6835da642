using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the test's own (initdb in a temporary folder, on a loopback port), which the test may stop
/// and start again to prove what the engine does while the database is gone. The shared server that ./test.sh starts
/// must never be stopped, so outage tests use one of these. As root the server runs as the 'postgres' system user
/// (PostgreSQL refuses to run as root).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _bin;

    private PostgresServer(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    public bool IsRunning { get; private set; }

    private string DataFolder => Path.Combine(_folder, "pgdata");

    /// <summary>Creates and starts a new server; about a second.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(version => Path.Combine(version, "bin"))
            .Where(candidate => File.Exists(Path.Combine(candidate, "initdb")))
            .OrderByDescending(candidate => candidate, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL server binaries are missing under /usr/lib/postgresql/*/bin");
        var folder = Directory.CreateTempSubdirectory("om-pg-").FullName;
        await RunAsync("chmod", "755", folder);
        var server = new PostgresServer(folder, bin, FreePort.Next());
        if (IsRoot)
        {
            await RunAsync("chown", "postgres", folder);
        }

        await server.AsOwnerAsync(Path.Combine(bin, "initdb"), "-D", server.DataFolder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale");
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>A connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=50;Timeout=5;Command Timeout=15";

    /// <summary>Stops the server at once (fast shutdown: open connections are cut).</summary>
    public async Task StopAsync()
    {
        await AsOwnerAsync(Path.Combine(_bin, "pg_ctl"), "-D", DataFolder, "-m", "fast", "-w", "stop");
        IsRunning = false;
    }

    /// <summary>Starts the (stopped) server again on the same port with the same data.</summary>
    public async Task StartAgainAsync()
    {
        await AsOwnerAsync(
            Path.Combine(_bin, "pg_ctl"), "-D", DataFolder, "-l", Path.Combine(_folder, "postgres.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c shared_buffers=64MB",
            "start");
        IsRunning = true;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (IsRunning)
        {
            try
            {
                await StopAsync();
            }
            catch (InvalidOperationException)
            {
                // Best effort: the folder goes anyway.
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task AsOwnerAsync(string program, params string[] arguments) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
