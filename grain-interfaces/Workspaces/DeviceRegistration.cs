namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>The workspace's answer to a monitor joining it: the project it joined, or none when the project does not exist.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.DeviceRegistration")]
public sealed record DeviceRegistration(
    [property: Id(0)] Guid? ProjectId,
    [property: Id(1)] bool LimitReached = false,
    [property: Id(2)] int? MinIntervalSeconds = null);
