using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.Grains.Workspaces;

/// <summary>The durable part of a workspace: projects and the device index with tags.</summary>
[GenerateSerializer, Alias("OrleansMonitor.WorkspaceState")]
public sealed class WorkspaceState
{
    [Id(0)] public Dictionary<Guid, ProjectRecord> Projects { get; set; } = [];
    [Id(1)] public Guid? DefaultProjectId { get; set; }
    [Id(2)] public Dictionary<Guid, DeviceEntry> Devices { get; set; } = [];
}
