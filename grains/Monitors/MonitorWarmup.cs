using Microsoft.Extensions.Logging;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Grains.Monitors;

/// <summary>
/// When a silo becomes active, wakes every known monitor so probing resumes within seconds of a restart instead of
/// waiting for its next reminder tick. Runs in the background with bounded concurrency; activation is placed by
/// Orleans, so with several silos the work spreads and repeated wake-ups are harmless.
/// </summary>
public sealed class MonitorWarmup(MonitorDirectory directory, IGrainFactory grains, ILogger<MonitorWarmup> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private const int Concurrency = 64;
    private readonly CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;

    /// <summary>Monitors woken by the last warm-up.</summary>
    public int Woken { get; private set; }

    /// <summary>Completes when the warm-up started at silo start has finished.</summary>
    public Task Completion => _run;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(MonitorWarmup), ServiceLifecycleStage.Active, OnActiveAsync, OnStopAsync);

    private Task OnActiveAsync(CancellationToken cancellationToken)
    {
        _run = Task.Run(() => WakeAllAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task WakeAllAsync(CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var woken = 0;
        try
        {
            await Parallel.ForEachAsync(
                directory.AllAsync(cancellationToken),
                new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
                async (monitorId, _) =>
                {
                    await grains.GetGrain<IMonitorGrain>(monitorId).EnsureScheduledAsync();
                    Interlocked.Increment(ref woken);
                });
            Woken = woken;
            logger.LogInformation("Warm-up woke {Count} monitors in {Elapsed}", woken, DateTime.UtcNow - started);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Reminders still re-activate every monitor; the warm-up only makes it faster.
            logger.LogError(ex, "Warm-up stopped after {Count} monitors", woken);
        }
    }
}
