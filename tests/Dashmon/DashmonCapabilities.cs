namespace OrleansMonitor.Tests.Dashmon;

/// <summary>What GET /api/meta/capabilities tells an anonymous client.</summary>
public sealed record DashmonCapabilities(string ApiVersion, DashmonTracing Tracing, IReadOnlyList<string> AuthModes);
