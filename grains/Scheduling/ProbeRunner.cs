using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMonitor.Grains.Monitors;
using OrleansMonitor.Grains.Probes;

namespace OrleansMonitor.Grains.Scheduling;

/// <summary>
/// Runs probe I/O outside grain turns, on the thread pool, and hands every result to the caller's report callback
/// (a grain call back to the monitor). Whatever the probe or the report throws is logged and counted here: nothing
/// escapes to the runtime, and a monitor that hears nothing gives the probe up at its own deadline. When the silo
/// stops, it takes no new probes and waits (bounded) for those in flight, before the grains deactivate, so their
/// results are recorded.
/// </summary>
public sealed class ProbeRunner(ProbeCatalog catalog, IOptions<MonitorOptions> options, ILogger<ProbeRunner> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _started;
    private long _inFlight;
    private long _reportFailures;
    private volatile bool _stopping;

    /// <summary>Probes started since the silo started.</summary>
    public long Started => Interlocked.Read(ref _started);

    /// <summary>Probes running now.</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>Results that could not be handed back (the monitor's silo stopping, a call timing out).</summary>
    public long ReportFailures => Interlocked.Read(ref _reportFailures);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ProbeRunner), ServiceLifecycleStage.Active, _ => Task.CompletedTask, DrainAsync);

    /// <summary>Starts <paramref name="request"/> and returns at once; <paramref name="report"/> receives its result. Nothing starts once the silo is stopping.</summary>
    public void Start(ProbeRequest request, Func<ProbeResult, Task> report)
    {
        if (_stopping)
        {
            return; // the monitor deactivates in a moment and probes again wherever it is activated next
        }

        Interlocked.Increment(ref _started);
        Interlocked.Increment(ref _inFlight);
        _ = Task.Run(() => RunAsync(request, report));
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        if (Interlocked.Read(ref _inFlight) == 0)
        {
            return;
        }

        var inFlight = InFlight;
        try
        {
            await _drained.Task.WaitAsync(options.Value.ProbeDrainTimeout, cancellationToken);
            logger.LogInformation("Stopping: the {Count} probes in flight have finished", inFlight);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            logger.LogWarning("Stopping: {Count} probes were still in flight after {Timeout}; their results are not recorded", InFlight, options.Value.ProbeDrainTimeout);
        }
    }

    private async Task RunAsync(ProbeRequest request, Func<ProbeResult, Task> report)
    {
        try
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
                logger.Log(
                    _stopping ? LogLevel.Debug : LogLevel.Warning,
                    exception,
                    "A {Type} probe result could not be handed back to its monitor",
                    request.Type);
            }
        }
        finally
        {
            if (Interlocked.Decrement(ref _inFlight) == 0 && _stopping)
            {
                _drained.TrySetResult();
            }
        }
    }
}
