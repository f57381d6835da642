using System.Net;

namespace OrleansMonitor.Bench;

/// <summary>
/// The HTTP target the benchmark probes: a minimal Kestrel server on several loopback ports (spreading new
/// connections over more address tuples), run as a separate process so its CPU is not counted as the engine's. A
/// control port (the one after the target ports) switches it between answering and silence: POST /silent makes every
/// request hang (the connection stays open, nothing is answered), POST /answer ends that.
/// </summary>
public static class BenchTarget
{
    public static async Task RunAsync(int firstPort, int ports)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            for (var i = 0; i <= ports; i++)
            {
                kestrel.Listen(IPAddress.Loopback, firstPort + i);
            }

            kestrel.Limits.MaxConcurrentConnections = 200_000;
        });
        var app = builder.Build();
        var gate = new AnswerGate();
        app.MapGet("/health", async (HttpContext http) =>
        {
            await gate.WaitAsync(http.RequestAborted);
            return "ok";
        });
        app.MapPost("/silent", () => gate.Close());
        app.MapPost("/answer", () => gate.Open());
        Console.WriteLine($"target listening on 127.0.0.1:{firstPort}..{firstPort + ports - 1}, control on {firstPort + ports}");
        await app.RunAsync();
    }

    /// <summary>Tells the target process on <paramref name="controlPort"/> to go silent or answer again.</summary>
    public static async Task SwitchAsync(int controlPort, bool silent)
    {
        using var http = new HttpClient();
        (await http.PostAsync($"http://127.0.0.1:{controlPort}/{(silent ? "silent" : "answer")}", null)).EnsureSuccessStatusCode();
    }
}

/// <summary>Open: requests are answered at once; closed: they wait until it opens again.</summary>
internal sealed class AnswerGate
{
    private TaskCompletionSource _open = Opened();

    public Task WaitAsync(CancellationToken cancellationToken) => Volatile.Read(ref _open).Task.WaitAsync(cancellationToken);

    public string Close()
    {
        var current = Volatile.Read(ref _open);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _open, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
        }

        return "silent";
    }

    public string Open()
    {
        Volatile.Read(ref _open).TrySetResult();
        return "answering";
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
