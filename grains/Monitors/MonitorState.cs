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

    /// <summary>Active, or unfinished: a create that did not complete, or a delete's tombstone.</summary>
    [Id(10)] public MonitorLifecycle Lifecycle { get; set; }

    /// <summary>Incident writes the incident table does not have yet (the database was away), oldest first.</summary>
    [Id(11)] public List<IncidentChange> PendingIncidentChanges { get; set; } = [];

    /// <summary>The current outage began in a maintenance window: it opens no incident, and its end resolves none.</summary>
    [Id(12)] public bool OutageSuppressed { get; set; }

    /// <summary>
    /// The current outage began while the parent device was down (<see cref="OutageSuppressed"/> as well): each further
    /// failure asks the parent again, and the first one while the parent is up opens the incident.
    /// </summary>
    [Id(13)] public bool SuppressedByDependency { get; set; }
}
