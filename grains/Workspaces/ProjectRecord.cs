namespace OrleansMonitor.Grains.Workspaces;

[GenerateSerializer, Alias("OrleansMonitor.ProjectRecord")]
public sealed record ProjectRecord(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] DateTimeOffset CreatedAt);
