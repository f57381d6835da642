namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>What the workspace indexes of a device beyond its project: its tags and its parent device (none when null).</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.DeviceLinks")]
public sealed record DeviceLinks(
    [property: Id(0)] IReadOnlyList<string> Tags,
    [property: Id(1)] Guid? ParentId);
