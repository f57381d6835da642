namespace OrleansMonitor.Grains.Workspaces;

/// <summary>The durable part of a workspace: its projects. The device index (project and tags per device) lives in om_monitors.</summary>
[GenerateSerializer, Alias("OrleansMonitor.WorkspaceState")]
public sealed class WorkspaceState
{
    [Id(0)] public Dictionary<Guid, ProjectRecord> Projects { get; set; } = [];
    [Id(1)] public Guid? DefaultProjectId { get; set; }
    /// <summary>free or premium; null means the configured default.</summary>
    [Id(3)] public string? Plan { get; set; }

    /// <summary>Projects deleted whose devices are not all gone yet: the deletion resumes until they are.</summary>
    [Id(4)] public List<Guid> DeletingProjects { get; set; } = [];

    /// <summary>Alert routing per project; a project without an entry alerts nobody.</summary>
    [Id(5)] public Dictionary<Guid, ProjectAlertSettings> AlertSettings { get; set; } = [];
}
