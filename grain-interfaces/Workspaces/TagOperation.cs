namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>How POST /api/devices/tags/bulk changes the tags of many devices.</summary>
[GenerateSerializer, Alias("OrleansMonitor.TagOperation")]
public enum TagOperation
{
    Add = 0,
    Remove = 1,
    Replace = 2,
}
