namespace OrleansMonitor.Grains.Storage;

/// <summary>How long history is kept (section <c>Retention</c>).</summary>
public sealed class RetentionOptions
{
    /// <summary>Raw heartbeats older than this are removed.</summary>
    public TimeSpan RawHeartbeats { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Five-minute roll-ups older than this are removed.</summary>
    public TimeSpan Rollups { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Finished alert deliveries (sent, failed, cancelled), webhook calls and ended flapping episodes older than this are removed.</summary>
    public TimeSpan AlertHistory { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often a clean-up pass runs.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows removed per statement, so a pass never holds long locks or bloats one transaction.</summary>
    public int BatchSize { get; set; } = 20_000;
}
