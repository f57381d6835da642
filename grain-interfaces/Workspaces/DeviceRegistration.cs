namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>
/// The workspace's answer to a monitor joining it or changing its index entry: the project it is in (none when refused:
/// the project does not exist, the plan is full or the interval is below the plan's minimum) and its tags.
/// A parent refused (<see cref="ParentRefused"/>, the reason) changes nothing; <see cref="ParentId"/> is the device's parent after the call.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.DeviceRegistration")]
public sealed record DeviceRegistration(
    [property: Id(0)] Guid? ProjectId,
    [property: Id(1)] bool LimitReached = false,
    [property: Id(2)] int? MinIntervalSeconds = null,
    [property: Id(3)] IReadOnlyList<string>? Tags = null,
    [property: Id(4)] Guid? ParentId = null,
    [property: Id(5)] string? ParentRefused = null);
