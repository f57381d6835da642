using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Grains.Monitors;

/// <summary>The PostgreSQL-backed stores a monitor grain writes to and reads from, bundled for its constructor.</summary>
public sealed record MonitorStorage(
    HeartbeatWriter Writer,
    HeartbeatHistory History,
    IncidentLog Incidents,
    MonitorDirectory Directory,
    HeartbeatTokens HeartbeatTokens);
