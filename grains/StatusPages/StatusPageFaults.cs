using Microsoft.Extensions.Logging;
using OrleansMonitor.Grains.Diagnostics;

namespace OrleansMonitor.Grains.StatusPages;

/// <summary>
/// The failures of the status pages' unattended work on this silo (a refresh of a page's devices, a change passed on,
/// a slug directory refresh): counted, and logged through one throttle so an outage of the cluster or the database
/// cannot flood the log.
/// </summary>
public sealed class StatusPageFaults
{
    private readonly LogThrottle _warnings = new();
    private long _count;

    /// <summary>Failures since the silo started.</summary>
    public long Count => Interlocked.Read(ref _count);

    public void Record(ILogger logger, Exception exception, string what, Guid pageOrWorkspace)
    {
        Interlocked.Increment(ref _count);
        if (_warnings.Allow(out var heldBack))
        {
            logger.LogWarning(exception, "Status pages: {What} failed for {Key} ({HeldBack} similar warnings held back)", what, pageOrWorkspace, heldBack);
        }
    }
}
