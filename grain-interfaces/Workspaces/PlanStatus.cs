namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>A workspace's plan, limits and usage.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.PlanStatus")]
public sealed record PlanStatus(
    [property: Id(0)] string Plan,
    [property: Id(1)] int ProjectLimit,
    [property: Id(2)] int DeviceLimit,
    [property: Id(3)] int TokenLimit,
    [property: Id(4)] int MinIntervalSeconds,
    [property: Id(5)] int Projects,
    [property: Id(6)] int Devices,
    [property: Id(7)] bool WriteLocked);
