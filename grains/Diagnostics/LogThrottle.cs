namespace OrleansMonitor.Grains.Diagnostics;

/// <summary>
/// Keeps a warning that can repeat per probe from flooding the log when thousands of monitors fail at once (a mass
/// outage, the database restarting): at most <c>burst</c> entries per <c>window</c>, and the first entry after a quiet
/// spell says how many were held back. A flood of log writes is itself an outage: the console logger blocks its callers
/// once its queue is full. Thread-safe.
/// </summary>
public sealed class LogThrottle(int burst = 5, TimeSpan? window = null, TimeProvider? clock = null)
{
    private readonly TimeSpan _window = window ?? TimeSpan.FromSeconds(10);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _inWindow;
    private long _heldBack;

    /// <summary>True when this occurrence may be logged; <paramref name="heldBack"/> is how many were not, since the last one that was.</summary>
    public bool Allow(out long heldBack)
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            if (now - _windowStart >= _window)
            {
                _windowStart = now;
                _inWindow = 0;
            }

            if (_inWindow < burst)
            {
                _inWindow++;
                heldBack = _heldBack;
                _heldBack = 0;
                return true;
            }

            _heldBack++;
            heldBack = 0;
            return false;
        }
    }
}
