using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>
/// The real silo program (silo/bin/&lt;configuration&gt;/net10.0) started as a child process with its own ports, so a
/// test can stop it the way an operator or Kubernetes does: SIGTERM, or SIGKILL. Everything it prints is kept.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SiloProcess(Process process, int siloPort, int gatewayPort)
    {
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Every line printed so far, stdout and stderr interleaved.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>
    /// Starts a silo of cluster <paramref name="clusterId"/> on the database; <paramref name="settings"/> in configuration
    /// form (Monitoring:TimeScale). Ports are free ones unless given: a silo restarted on its predecessor's ports is its new
    /// incarnation, and Orleans declares the old one dead at once instead of waiting to reach it.
    /// </summary>
    public static SiloProcess Start(string connectionString, string clusterId, IReadOnlyDictionary<string, string>? settings = null, int siloPort = 0, int gatewayPort = 0)
    {
        var folder = SiloFolder();
        var start = new ProcessStartInfo("dotnet", Path.Combine(folder, "OrleansMonitor.Silo.dll"))
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        siloPort = siloPort == 0 ? FreePort.Next() : siloPort;
        gatewayPort = gatewayPort == 0 ? FreePort.Next() : gatewayPort;
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Postgres"] = connectionString;
        start.Environment["Orleans__ClusterId"] = clusterId;
        start.Environment["Orleans__ServiceId"] = clusterId;
        start.Environment["Orleans__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new SiloProcess(Process.Start(start) ?? throw new InvalidOperationException("The silo did not start"), siloPort, gatewayPort);
    }

    /// <summary>Waits until a printed line satisfies <paramref name="match"/>; fails with the output so far.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> match, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_output.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (_process.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Timed out waiting for the silo to print {what}; it printed:\n{string.Join('\n', _output.TakeLast(60))}");
    }

    /// <summary>Asks the silo to stop, as an orchestrator does (SIGTERM).</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Kills the silo at once (SIGKILL): nothing runs on the way out.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Waits for the process to end; its exit code, or throws with the output on timeout.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The silo did not exit within {timeout}; it printed:\n{string.Join('\n', _output.TakeLast(60))}");
        }

        _process.WaitForExit(); // the output is read to its end
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    /// <summary>The silo's build output beside this test assembly's: tests/bin/C/net10.0 → silo/bin/C/net10.0.</summary>
    private static string SiloFolder()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = tests.Name;
        var configuration = tests.Parent!.Name;
        var root = tests.Parent.Parent!.Parent!.Parent!.FullName;
        var folder = Path.Combine(root, "silo", "bin", configuration, framework);
        return File.Exists(Path.Combine(folder, "OrleansMonitor.Silo.dll"))
            ? folder
            : throw new InvalidOperationException($"The silo is not built at {folder}");
    }
}
