namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>A heartbeat device's period and grace, in seconds (its token is shown by heartbeat-config only).</summary>
public sealed record DeviceHeartbeat(int Interval, int Grace);
