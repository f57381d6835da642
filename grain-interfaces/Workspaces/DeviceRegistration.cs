namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>
/// The workspace's answer to a monitor joining it or changing its index entry: the project it is in (none when refused:
/// the project does not exist, the plan is full or the interval is below the plan's minimum) and its tags.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.DeviceRegistration")]
public sealed record DeviceRegistration(
    [property: Id(0)] Guid? ProjectId,
    [property: Id(1)] bool LimitReached = false,
    [property: Id(2)] int? MinIntervalSeconds = null,
    [property: Id(3)] IReadOnlyList<string>? Tags = null);
