namespace OrleansMonitor.Tests.Dashmon;

/// <summary>What the heartbeat-config route answers in <c>heartbeat</c>: the deadline, the token and the receiver's path.</summary>
public sealed record DashmonHeartbeatConfig(int Interval, int Grace, string Token, string Endpoint, string? LastBeat = null, string? Status = null);
