namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>Devices by status (up, down, pending, maintenance).</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.DeviceStatusCounts")]
public sealed record DeviceStatusCounts(
    [property: Id(0)] int Total,
    [property: Id(1)] int Up,
    [property: Id(2)] int Down,
    [property: Id(3)] int Pending,
    [property: Id(4)] int Maintenance);
