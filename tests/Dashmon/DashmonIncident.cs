namespace OrleansMonitor.Tests.Dashmon;

/// <summary>One incident of the workspace; <see cref="End"/> is null while it is open.</summary>
public sealed record DashmonIncident(
    long Id,
    string DeviceId,
    string Status,
    string Start,
    double DurationSeconds,
    string Cause,
    string? DeviceName = null,
    string? ProjectId = null,
    string? End = null,
    string? Resolution = null);
