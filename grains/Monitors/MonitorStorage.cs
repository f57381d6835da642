using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Grains.Monitors;

/// <summary>
/// The PostgreSQL-backed stores a monitor grain writes to and reads from, bundled for its constructor. The device index
/// (<see cref="MonitorDirectory"/>) is not among them: the workspace grain is its only writer.
/// </summary>
public sealed record MonitorStorage(
    HeartbeatWriter Writer,
    HeartbeatHistory History,
    IncidentLog Incidents,
    HeartbeatTokens HeartbeatTokens);
