namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>The part of the Lunalytics add answer that <see cref="ApiUser.AddMonitorAsync"/> needs: the new monitor's id.</summary>
public sealed record MonitorAdded(string MonitorId);
