using System.Diagnostics;

namespace OrleansMonitor.Bench;

/// <summary>Dashmon list reads through the real API host process against the benchmark's silo (see <see cref="ListBench"/>).</summary>
public static class ListsPhase
{
    public static async Task RunAsync(BenchOptions options, string connectionString)
    {
        var apiHostDll = options.ApiHostDll ?? throw new InvalidOperationException("--api-host-dll is required for the lists phase (bench/run.sh passes it)");
        var silo = await BenchSilo.StartAsync(connectionString);
        const string apiUrl = "http://127.0.0.1:18990";
        var start = new ProcessStartInfo("dotnet", [apiHostDll]) { UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(apiHostDll)! };
        start.Environment["ConnectionStrings__Postgres"] = connectionString;
        start.Environment["Orleans__ClusterId"] = "bench";
        start.Environment["Orleans__ServiceId"] = "bench";
        start.Environment["ASPNETCORE_URLS"] = apiUrl;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var api = Process.Start(start)!;
        try
        {
            await ListBench.RunAsync(apiUrl, options.ListDevices, $"http://127.0.0.1:{options.TargetPort}/health", reads: 200);
        }
        finally
        {
            api.Kill(entireProcessTree: true);
            await silo.StopAsync();
            silo.Dispose();
        }
    }
}
