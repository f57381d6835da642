namespace OrleansMonitor.Grains.Storage;

/// <summary>Bounds of the per-silo heartbeat writer (section <c>HeartbeatWriter</c>).</summary>
public sealed class HeartbeatWriterOptions
{
    /// <summary>Rows held in memory at most (the batch being written included); beyond it new rows are refused and counted.</summary>
    public int Capacity { get; set; } = 200_000;

    /// <summary>Estimated bytes held in memory at most (see <see cref="HeartbeatWriter.EstimateBytes"/>); beyond it new rows are refused and counted.</summary>
    public long CapacityBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Rows written in one COPY at most.</summary>
    public int BatchSize { get; set; } = 5_000;

    /// <summary>How long a row may wait for its batch to fill.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest pause between two attempts while the database cannot be reached (exponential back-off from 200 ms, with jitter).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a stopping silo keeps trying to write what is buffered before it gives up and says what was left.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
