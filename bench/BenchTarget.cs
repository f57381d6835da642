using System.Net;

namespace OrleansMonitor.Bench;

/// <summary>
/// The HTTP target the benchmark probes: a minimal Kestrel server on several loopback ports (spreading new
/// connections over more address tuples), run as a separate process so its CPU is not counted as the engine's.
/// </summary>
public static class BenchTarget
{
    public static async Task RunAsync(int firstPort, int ports)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            for (var i = 0; i < ports; i++)
            {
                kestrel.Listen(IPAddress.Loopback, firstPort + i);
            }

            kestrel.Limits.MaxConcurrentConnections = 100_000;
        });
        var app = builder.Build();
        app.MapGet("/health", () => "ok");
        Console.WriteLine($"target listening on 127.0.0.1:{firstPort}..{firstPort + ports - 1}");
        await app.RunAsync();
    }
}
