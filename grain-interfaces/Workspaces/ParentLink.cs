namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>
/// A device's parent as a caller asks for it on create or edit: <paramref name="ParentId"/> names a device of the same
/// workspace the caller sees (null removes the parent). The workspace checks it (no cycle, bounded depth) and indexes it.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.ParentLink")]
public sealed record ParentLink(
    [property: Id(0)] WorkspaceAccess Caller,
    [property: Id(1)] Guid? ParentId);
