namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>The full view of a monitor: its configuration, 24 h figures, recent heartbeats (newest first), certificate and tags.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.MonitorSnapshot")]
public sealed record MonitorSnapshot
{
    [Id(0)] public required Guid MonitorId { get; init; }
    [Id(1)] public required Guid WorkspaceId { get; init; }
    [Id(2)] public required string OwnerEmail { get; init; }
    [Id(3)] public required MonitorConfig Config { get; init; }
    [Id(4)] public double UptimePercentage { get; init; }
    [Id(5)] public double AverageHeartbeatLatency { get; init; }
    [Id(6)] public DateTimeOffset? LastCheck { get; init; }
    [Id(7)] public DateTimeOffset? NextCheck { get; init; }
    [Id(8)] public IReadOnlyList<Heartbeat> Heartbeats { get; init; } = [];
    [Id(9)] public CertificateInfo? Certificate { get; init; }
    [Id(10)] public bool IsDown { get; init; }
    [Id(11)] public IReadOnlyList<LatencyPercentiles> Percentiles { get; init; } = [];
    [Id(12)] public long? OpenIncidentId { get; init; }
    [Id(13)] public Guid ProjectId { get; init; }
    [Id(14)] public DateTimeOffset CreatedAt { get; init; }
    [Id(15)] public MaintenanceWindow? Maintenance { get; init; }
    /// <summary>up, down, pending (no probe yet) or maintenance.</summary>
    [Id(16)] public string Status { get; init; } = "pending";

    /// <summary>The device's tags in its workspace (normalized, sorted), as the workspace grain indexes them.</summary>
    [Id(17)] public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The parent device (a device of the same workspace whose outage suppresses this one's incidents), as the workspace indexes it.</summary>
    [Id(18)] public Guid? ParentId { get; init; }
}
