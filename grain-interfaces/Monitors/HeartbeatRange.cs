namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>The spans of GET /api/monitor/status.</summary>
[GenerateSerializer, Alias("OrleansMonitor.HeartbeatRange")]
public enum HeartbeatRange
{
    /// <summary>The newest heartbeat only.</summary>
    Latest = 0,
    /// <summary>Every heartbeat of the last 24 hours.</summary>
    Day = 1,
    /// <summary>The heartbeat closest to every fifth minute of the last 7 days.</summary>
    Week = 2,
    /// <summary>The heartbeat closest to every fifth minute of the last 30 days.</summary>
    Month = 3,
}
