namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>A heartbeat device's settings (seconds), its receiver token and endpoint, and the last beat received.</summary>
public sealed record HeartbeatConfig(int Interval, int Grace, string Token, string Endpoint, DateTimeOffset? LastBeat, string Status)
{
    public static HeartbeatConfig Of(HeartbeatCheck push, MonitorSnapshot device) => new(
        push.IntervalSeconds,
        push.GraceSeconds,
        push.Token,
        "/api/incoming/heartbeat/" + push.Token,
        device.Heartbeats.FirstOrDefault(h => !h.IsDown)?.Date,
        device.Status);
}
