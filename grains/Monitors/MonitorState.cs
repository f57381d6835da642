namespace OrleansMonitor.Grains.Monitors;

/// <summary>The durable part of a monitor (Orleans grain storage). Probe history lives in PostgreSQL tables, not here.</summary>
[GenerateSerializer, Alias("OrleansMonitor.MonitorState")]
public sealed class MonitorState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public Guid WorkspaceId { get; set; }
    [Id(2)] public string OwnerEmail { get; set; } = "";
    [Id(3)] public MonitorConfig? Config { get; set; }
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public bool IsDown { get; set; }
    [Id(6)] public long? OpenIncidentId { get; set; }
    [Id(7)] public CertificateInfo? Certificate { get; set; }
    [Id(8)] public Guid ProjectId { get; set; }
    [Id(9)] public MaintenanceWindow? Maintenance { get; set; }
}
