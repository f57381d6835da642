namespace OrleansMonitor.Grains.Storage;

/// <summary>One row of om_incidents.</summary>
public sealed record IncidentRecord(long Id, DateTimeOffset StartedAt, DateTimeOffset? ResolvedAt, string Cause, string? Resolution);
