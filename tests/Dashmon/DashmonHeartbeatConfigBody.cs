namespace OrleansMonitor.Tests.Dashmon;

/// <summary>Body of the heartbeat-config route answers in <c>heartbeat</c>.</summary>
public sealed record DashmonHeartbeatConfigBody(DashmonHeartbeatConfig Heartbeat);
