namespace OrleansMonitor.Grains.Workspaces;

/// <summary>A device as the workspace indexes it: its project, tags and parent device (none when null).</summary>
[GenerateSerializer, Alias("OrleansMonitor.DeviceEntry")]
public sealed record DeviceEntry(
    [property: Id(0)] Guid ProjectId,
    [property: Id(1)] IReadOnlyList<string> Tags,
    [property: Id(2)] Guid? ParentId = null);
