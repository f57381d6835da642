using Microsoft.Extensions.Logging;
using OrleansMonitor.Grains.Probes;

namespace OrleansMonitor.Grains.Scheduling;

/// <summary>
/// Runs probe I/O outside grain turns, on the thread pool, and hands every result to the caller's report callback
/// (a grain call back to the monitor). Whatever the probe or the report throws is logged and counted here: nothing
/// escapes to the runtime, and a monitor that hears nothing gives the probe up at its own deadline.
/// </summary>
public sealed class ProbeRunner(ProbeCatalog catalog, ILogger<ProbeRunner> logger)
{
    private long _started;
    private long _reportFailures;

    /// <summary>Probes started since the silo started.</summary>
    public long Started => Interlocked.Read(ref _started);

    /// <summary>Results that could not be handed back (the monitor's silo stopping, a call timing out).</summary>
    public long ReportFailures => Interlocked.Read(ref _reportFailures);

    /// <summary>Starts <paramref name="request"/> and returns at once; <paramref name="report"/> receives its result.</summary>
    public void Start(ProbeRequest request, Func<ProbeResult, Task> report)
    {
        Interlocked.Increment(ref _started);
        _ = Task.Run(() => RunAsync(request, report));
    }

    private async Task RunAsync(ProbeRequest request, Func<ProbeResult, Task> report)
    {
        ProbeResult result;
        try
        {
            result = await catalog.RunAsync(request, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "A {Type} probe threw instead of answering", request.Type);
            result = new ProbeResult(false, "ERROR", 0, "Probe failed: " + exception.Message);
        }

        try
        {
            await report(result).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Interlocked.Increment(ref _reportFailures);
            logger.LogWarning(exception, "A {Type} probe result could not be handed back to its monitor", request.Type);
        }
    }
}
