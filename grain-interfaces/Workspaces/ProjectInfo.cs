namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>A project of a workspace with the summaries of its devices.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.ProjectInfo")]
public sealed record ProjectInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] bool IsDefault,
    [property: Id(5)] IReadOnlyList<DeviceSummary> Devices);
