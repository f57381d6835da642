namespace OrleansMonitor.Tests.Dashmon;

/// <summary>The capabilities' tracing: the header that carries a request id.</summary>
public sealed record DashmonTracing(string RequestIdHeader);
