using OrleansMonitor.Grains.Metrics;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Grains.Monitors;

/// <summary>
/// A monitor's in-memory figures: the newest heartbeats, five-minute roll-ups over 24 h and the latency window, fed by
/// every result and rebuilt from storage when the monitor re-activates. Hourly latency histograms leave through
/// <see cref="Observe"/> as hours complete, so the next activation can restore them. Not thread-safe (one grain owns it).
/// </summary>
public sealed class MonitorFigures(int recentCapacity)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private RecentHeartbeats _recent = new(recentCapacity);
    private RollupSeries _rollups = new();
    private LatencyWindow _latency = new();
    private long _lastHeartbeatId;

    /// <summary>When the newest heartbeat was taken.</summary>
    public DateTimeOffset? LastCheck { get; private set; }

    /// <summary>The UTC hour (hours since the epoch) of the newest successful check; -1 before any.</summary>
    public long CurrentHour { get; private set; } = -1;

    public Heartbeat? Newest => _recent.Newest;

    public IReadOnlyList<Heartbeat> NewestFirst() => _recent.NewestFirst();

    /// <summary>An id for a heartbeat taken at <paramref name="started"/>: unique and increasing for this monitor.</summary>
    public long NextHeartbeatId(DateTimeOffset started)
    {
        _lastHeartbeatId = Math.Max(_lastHeartbeatId + 1, started.ToUnixTimeMilliseconds());
        return _lastHeartbeatId;
    }

    /// <summary>Counts a heartbeat; returns the hour that it completed (to be stored), if any.</summary>
    public long? Observe(Heartbeat heartbeat)
    {
        _recent.Add(heartbeat);
        _rollups.Record(heartbeat.Date, !heartbeat.IsDown, heartbeat.Latency);
        LastCheck = LastCheck is { } last && last > heartbeat.Date ? last : heartbeat.Date;
        if (heartbeat.IsDown)
        {
            return null;
        }

        var hour = LatencyWindow.HourOf(heartbeat.Date);
        long? completed = CurrentHour >= 0 && hour > CurrentHour ? CurrentHour : null;
        CurrentHour = Math.Max(CurrentHour, hour);
        _latency.Record(heartbeat.Date, heartbeat.Latency);
        return completed;
    }

    /// <summary>The stored form of an hour's latency histogram, or null when the hour holds no sample.</summary>
    public byte[]? ExportHour(long hour) => _latency.ExportHour(hour);

    /// <summary>
    /// Replaces the figures by what was stored before the activation (see <see cref="HeartbeatHistory.FiguresAsync"/>):
    /// uptime from the roll-ups plus the raw rows that follow them; the 24 h percentiles from the stored hourly histograms
    /// except the current hour and hours with none stored, which come from raw rows; the exact last hour and the recent
    /// list from raw rows. Returns the stored hours that could not be read.
    /// </summary>
    public IReadOnlyList<long> Restore(StoredFigures stored)
    {
        var until = stored.Until;
        _recent = new RecentHeartbeats(recentCapacity);
        _rollups = new RollupSeries();
        _latency = new LatencyWindow();
        foreach (var rollup in stored.Rollups)
        {
            _rollups.Restore(rollup.Bucket, rollup.Checks, rollup.UpChecks, rollup.LatencySum, rollup.MinLatencyMs, rollup.MaxLatencyMs);
        }

        var currentHour = LatencyWindow.HourOf(until);
        var unreadable = new List<long>();
        foreach (var (hour, histogram) in stored.LatencyHours)
        {
            if (hour < currentHour && !_latency.ImportHour(hour, histogram))
            {
                unreadable.Add(hour);
            }
        }

        var exactSince = until - Hour;
        foreach (var check in stored.Raw)
        {
            _rollups.Record(check.At, !check.IsDown, check.LatencyMs);
            if (check.IsDown)
            {
                continue;
            }

            if (check.At > exactSince)
            {
                _latency.RecordExact(check.At, check.LatencyMs);
            }

            var hour = LatencyWindow.HourOf(check.At);
            if (hour == currentHour || !stored.LatencyHours.ContainsKey(hour))
            {
                _latency.RecordHourly(check.At, check.LatencyMs);
            }
        }

        foreach (var heartbeat in stored.Newest)
        {
            _recent.Add(heartbeat);
            _lastHeartbeatId = Math.Max(_lastHeartbeatId, heartbeat.Id);
            LastCheck = LastCheck is { } last && last > heartbeat.Date ? last : heartbeat.Date;
        }

        CurrentHour = currentHour;
        return unreadable;
    }

    /// <summary>Checks, uptime and average latency of the buckets in the window ending at <paramref name="now"/>.</summary>
    public UptimeSummary Summary(DateTimeOffset now, TimeSpan window) => _rollups.Summary(now, window);

    /// <summary>Nearest-rank latency percentiles of the successful checks in the window ending at <paramref name="now"/>.</summary>
    public LatencyPercentileSet Percentiles(DateTimeOffset now, TimeSpan window) => _latency.Percentiles(now, window);
}
