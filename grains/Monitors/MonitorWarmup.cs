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

    /// <summary>How long the last warm-up took.</summary>
    public TimeSpan Duration { get; private set; }

    /// <summary>Monitors the last warm-up could not wake (each logged); their reminders still bring them back.</summary>
    public int Failed { get; private set; }

    private async Task WakeAllAsync(CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var woken = 0;
        var failed = 0;
        var delay = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                // Each monitor on its own: one that cannot be woken is logged and counted, and the rest go on.
                await Parallel.ForEachAsync(
                    directory.AllAsync(cancellationToken),
                    new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
                    async (monitorId, _) =>
                    {
                        try
                        {
                            await grains.GetGrain<IMonitorGrain>(monitorId).EnsureScheduledAsync();
                            Interlocked.Increment(ref woken);
                        }
                        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                        {
                            if (Interlocked.Increment(ref failed) <= 10)
                            {
                                logger.LogWarning(ex, "Warm-up could not wake monitor {MonitorId}; its reminder will", monitorId);
                            }
                        }
                    });
                Woken = woken;
                Failed = failed;
                Duration = DateTime.UtcNow - started;
                logger.LogInformation("Warm-up woke {Count} monitors in {Elapsed} ({Failed} could not be woken)", woken, DateTime.UtcNow - started, failed);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The list itself could not be read (the database away at start-up): try again, with back-off. A monitor
                // woken twice is harmless.
                logger.LogWarning(ex, "Warm-up could not read the monitor list after {Count} monitors; retrying in {Delay}", woken, delay);
                try
                {
                    await Task.Delay(delay, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }
}
