namespace OrleansMonitor.Grains.Storage;

/// <summary>A heartbeat on its way to the om_heartbeats table.</summary>
public readonly record struct HeartbeatRow(Guid MonitorId, Heartbeat Heartbeat);
