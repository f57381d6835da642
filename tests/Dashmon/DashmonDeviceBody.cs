namespace OrleansMonitor.Tests.Dashmon;

/// <summary>Body of the create, update and synthetic routes answer the device in <c>device</c>.</summary>
public sealed record DashmonDeviceBody(DashmonDevice Device);
