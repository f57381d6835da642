using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMonitor.Grains.Monitors;
using OrleansMonitor.Grains.Probes;

namespace OrleansMonitor.Grains.Scheduling;

/// <summary>
/// Runs probe I/O outside grain turns, on the thread pool, at most <see cref="MaxInFlight"/> at once per silo, and hands
/// every run to the caller's report callback (a grain call back to the monitor).
/// <list type="bullet">
/// <item>A probe that finds no slot waits for one (first come, first served) and starts as soon as one frees; its
/// lateness against the plan is recorded and it counts as delayed. Waiting costs a queue entry, never a socket, and
/// a monitor never has more than one probe waiting or running, so memory follows monitors, not the backlog.</item>
/// <item>Probes of failing monitors hold at most <see cref="ProbeLimitsOptions.FailingShare"/> of the slots, so a
/// black-holed target delays its own monitors only; every probe stage is bounded by the probe's own timeout, so such a
/// probe costs one slot for at most that long.</item>
/// <item>A probe that waits longer than <see cref="ProbeLimitsOptions.MaxQueueWait"/> is skipped (logged, counted) and
/// its monitor plans the next one: later, never dead.</item>
/// <item>Whatever a probe or a report throws is logged and counted: nothing escapes to the runtime. When the silo stops,
/// nothing new starts and the probes in flight get a bounded time to finish before the monitors deactivate.</item>
/// </list>
/// </summary>
public sealed class ProbeRunner : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan SkipReportInterval = TimeSpan.FromSeconds(10);

    private readonly ProbeCatalog _catalog;
    private readonly SchedulingStats _stats;
    private readonly TimeProvider _time;
    private readonly MonitorOptions _monitorOptions;
    private readonly ProbeLimitsOptions _limits;
    private readonly ILogger<ProbeRunner> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _failingSlots;
    private readonly Diagnostics.LogThrottle _reportWarnings = new();
    private readonly Diagnostics.LogThrottle _probeWarnings = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _started;
    private long _inFlight;
    private long _waiting;
    private long _highWater;
    private long _delayed;
    private long _skipped;
    private long _reportFailures;
    private long _lastSkipReport;
    private volatile bool _stopping;

    public ProbeRunner(ProbeCatalog catalog, SchedulingStats stats, TimeProvider time, IOptions<MonitorOptions> monitorOptions, IOptions<ProbeLimitsOptions> limits, ILogger<ProbeRunner> logger)
    {
        _catalog = catalog;
        _stats = stats;
        _time = time;
        _monitorOptions = monitorOptions.Value;
        _limits = limits.Value;
        _logger = logger;
        MaxInFlight = _limits.EffectiveMaxInFlight();
        _slots = new SemaphoreSlim(MaxInFlight, MaxInFlight);
        var failing = Math.Clamp((int)(MaxInFlight * _limits.FailingShare), 1, MaxInFlight);
        _failingSlots = new SemaphoreSlim(failing, failing);
    }

    /// <summary>Probes that may run at once on this silo.</summary>
    public int MaxInFlight { get; }

    /// <summary>Probes started since the silo started.</summary>
    public long Started => Interlocked.Read(ref _started);

    /// <summary>Probes running now.</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>Probes waiting for a slot now.</summary>
    public long Waiting => Interlocked.Read(ref _waiting);

    /// <summary>The most probes that ran at once since the silo started.</summary>
    public long HighWater => Interlocked.Read(ref _highWater);

    /// <summary>Probes that had to wait for a slot before they started.</summary>
    public long Delayed => Interlocked.Read(ref _delayed);

    /// <summary>Probes that waited longer than the limit and never ran.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Results that could not be handed back (the monitor's silo stopping, a call timing out).</summary>
    public long ReportFailures => Interlocked.Read(ref _reportFailures);

    /// <summary>How long after a probe is handed over its report comes at the latest: the longest wait plus the probe's timeout.</summary>
    public TimeSpan LongestRun(TimeSpan probeTimeout) => _limits.MaxQueueWait + probeTimeout;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ProbeRunner), ServiceLifecycleStage.Active, _ => Task.CompletedTask, DrainAsync);

    /// <summary>
    /// Starts <paramref name="request"/> (planned for <paramref name="plannedStart"/>) as soon as a slot is free and
    /// returns at once; <paramref name="report"/> receives the run. <paramref name="failing"/>: the monitor's target is
    /// failing, so the probe takes a slot of the failing share. Nothing starts once the silo is stopping.
    /// </summary>
    public void Start(ProbeRequest request, DateTimeOffset plannedStart, bool failing, Func<ProbeRun, Task> report)
    {
        if (_stopping)
        {
            return; // the monitor deactivates in a moment and probes again wherever it is activated next
        }

        _ = Task.Run(() => RunAsync(request, plannedStart, failing, report));
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
            await _drained.Task.WaitAsync(_monitorOptions.ProbeDrainTimeout, cancellationToken);
            _logger.LogInformation("Stopping: the {Count} probes in flight have finished", inFlight);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            _logger.LogWarning("Stopping: {Count} probes were still in flight after {Timeout}; their results are not recorded", InFlight, _monitorOptions.ProbeDrainTimeout);
        }
    }

    private async Task RunAsync(ProbeRequest request, DateTimeOffset plannedStart, bool failing, Func<ProbeRun, Task> report)
    {
        ProbeRun run;
        var slot = await AcquireAsync(failing).ConfigureAwait(false);
        if (!slot.Acquired)
        {
            run = new ProbeRun(null, _time.GetUtcNow(), Skipped: true);
            Interlocked.Increment(ref _skipped);
            ReportSkips();
        }
        else
        {
            try
            {
                var startedAt = _time.GetUtcNow();
                _stats.Record(startedAt - plannedStart);
                if (slot.Waited)
                {
                    Interlocked.Increment(ref _delayed);
                }

                Interlocked.Increment(ref _started);
                run = new ProbeRun(await ProbeAsync(request).ConfigureAwait(false), startedAt, Skipped: false);
            }
            finally
            {
                Release(failing);
            }
        }

        try
        {
            await report(run).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Interlocked.Increment(ref _reportFailures);
            if (!_stopping && _reportWarnings.Allow(out var heldBack))
            {
                _logger.LogWarning(exception, "A {Type} probe result could not be handed back to its monitor ({HeldBack} similar warnings held back)", request.Type, heldBack);
            }
        }
    }

    private async Task<ProbeResult> ProbeAsync(ProbeRequest request)
    {
        try
        {
            return await _catalog.RunAsync(request, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            if (_probeWarnings.Allow(out var heldBack))
            {
                _logger.LogWarning(exception, "A {Type} probe threw instead of answering ({HeldBack} similar warnings held back)", request.Type, heldBack);
            }

            return new ProbeResult(false, "ERROR", 0, "Probe failed: " + exception.Message);
        }
    }

    /// <summary>Takes a slot (a failing-share slot first, for a failing monitor's probe), waiting at most <see cref="ProbeLimitsOptions.MaxQueueWait"/> in all.</summary>
    private async Task<(bool Acquired, bool Waited)> AcquireAsync(bool failing)
    {
        if (!failing || _failingSlots.Wait(0))
        {
            if (TakeShared())
            {
                return (true, false);
            }

            if (failing)
            {
                _failingSlots.Release();
            }
        }

        Interlocked.Increment(ref _waiting);
        var waitStarted = Stopwatch.GetTimestamp();
        try
        {
            if (failing && !await _failingSlots.WaitAsync(_limits.MaxQueueWait).ConfigureAwait(false))
            {
                return (false, true);
            }

            var left = _limits.MaxQueueWait - Stopwatch.GetElapsedTime(waitStarted);
            if (left > TimeSpan.Zero && await _slots.WaitAsync(left).ConfigureAwait(false))
            {
                Entered();
                return (true, true);
            }

            if (failing)
            {
                _failingSlots.Release();
            }

            return (false, true);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>Takes a slot without waiting.</summary>
    private bool TakeShared()
    {
        if (_slots.Wait(0))
        {
            Entered();
            return true;
        }

        return false;
    }

    private void Entered()
    {
        var now = Interlocked.Increment(ref _inFlight);
        long seen;
        while (now > (seen = Interlocked.Read(ref _highWater)) && Interlocked.CompareExchange(ref _highWater, now, seen) != seen)
        {
        }
    }

    private void Release(bool failing)
    {
        _slots.Release();
        if (failing)
        {
            _failingSlots.Release();
        }

        if (Interlocked.Decrement(ref _inFlight) == 0 && _stopping)
        {
            _drained.TrySetResult();
        }
    }

    private void ReportSkips()
    {
        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _lastSkipReport);
        if (last != 0 && Stopwatch.GetElapsedTime(last, now) < SkipReportInterval || Interlocked.CompareExchange(ref _lastSkipReport, now, last) != last)
        {
            return;
        }

        _logger.LogWarning(
            "Probes are waiting longer than {Limit} for one of {Slots} slots: {Skipped} skipped so far, {Waiting} waiting; the silo is overloaded",
            _limits.MaxQueueWait, MaxInFlight, Skipped, Waiting);
    }
}
