namespace OrleansMonitor.Grains.Storage;

/// <summary>Bounds of the per-silo heartbeat writer (section <c>HeartbeatWriter</c>).</summary>
public sealed class HeartbeatWriterOptions
{
    /// <summary>Rows held in memory at most; beyond it new rows are dropped and counted.</summary>
    public int Capacity { get; set; } = 200_000;

    /// <summary>Rows written in one COPY at most.</summary>
    public int BatchSize { get; set; } = 5_000;

    /// <summary>How long a row may wait for its batch to fill.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
