namespace OrleansMonitor.Tests.StatusPages;

/// <summary>A manual update as its workspace's members read it.</summary>
public sealed record DashmonStatusUpdate(string Id, string State, string Message, IReadOnlyList<string> DeviceIds, string CreatedAt);
