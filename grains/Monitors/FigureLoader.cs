using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Grains.Monitors;

/// <summary>
/// Reads re-activated monitors' stored figures outside their grain turns, a few at a time per silo
/// (<see cref="MonitorOptions.FigureLoads"/>), so a silo start wakes and probes every monitor at once while their
/// history arrives behind. A failed read is retried with back-off for a few minutes (the database restarting); a
/// monitor whose read never succeeds keeps the figures it makes from then on.
/// </summary>
public sealed class FigureLoader(HeartbeatHistory history, IOptions<MonitorOptions> options, ILogger<FigureLoader> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();
    private const int Attempts = 10;
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.FigureLoads));
    private long _pending;
    private long _loaded;
    private long _abandoned;

    /// <summary>Loads queued or running.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    public long Loaded => Interlocked.Read(ref _loaded);

    /// <summary>Loads given up after every attempt failed.</summary>
    public long Abandoned => Interlocked.Read(ref _abandoned);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(FigureLoader), ServiceLifecycleStage.Active, _ => Task.CompletedTask, _ => _stopping.CancelAsync());

    /// <summary>Queues the read of <paramref name="monitorId"/>'s figures from before <paramref name="until"/>; <paramref name="deliver"/> hands them back.</summary>
    public void Start(Guid monitorId, DateTimeOffset until, int newest, Func<StoredFigures, Task> deliver)
    {
        Interlocked.Increment(ref _pending);
        _ = Task.Run(() => LoadAsync(monitorId, until, newest, deliver));
    }

    private async Task LoadAsync(Guid monitorId, DateTimeOffset until, int newest, Func<StoredFigures, Task> deliver)
    {
        try
        {
            var wait = TimeSpan.FromSeconds(1);
            for (var attempt = 1; ; attempt++)
            {
                StoredFigures figures;
                await _slots.WaitAsync(_stopping.Token).ConfigureAwait(false);
                try
                {
                    figures = await history.FiguresAsync(monitorId, until, newest, _stopping.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (attempt < Attempts && !_stopping.IsCancellationRequested)
                {
                    logger.LogDebug(ex, "Reading the figures of monitor {MonitorId} failed (attempt {Attempt}); retrying in {Wait}", monitorId, attempt, wait);
                    await Task.Delay(wait, _stopping.Token).ConfigureAwait(false);
                    wait = wait * 2 < LongestWait ? wait * 2 : LongestWait;
                    continue;
                }
                catch (Exception ex) when (!_stopping.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _abandoned);
                    logger.LogWarning(ex, "Reading the figures of monitor {MonitorId} failed {Attempts} times; it keeps the figures it makes from now on", monitorId, Attempts);
                    return;
                }
                finally
                {
                    _slots.Release();
                }

                if (_stopping.IsCancellationRequested)
                {
                    return; // the monitors deactivate now; their next activation reads again
                }

                await deliver(figures).ConfigureAwait(false);
                Interlocked.Increment(ref _loaded);
                return;
            }
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "The figures of monitor {MonitorId} could not be handed back (it deactivated, or the silo is stopping)", monitorId);
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }
}
