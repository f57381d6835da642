namespace OrleansMonitor.GrainInterfaces.StatusPages;

/// <summary>
/// A status page as a caller writes it. On create every member but <see cref="Description"/> is required; on update a
/// null member keeps its value, and the description changes only when <see cref="ReplaceDescription"/>.
/// </summary>
/// <param name="ProjectIds">The projects the page shows, of the caller's workspace and within the caller's scope.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.StatusPageDraft")]
public sealed record StatusPageDraft(
    [property: Id(0)] string? Title,
    [property: Id(1)] string? Slug,
    [property: Id(2)] string? Description,
    [property: Id(3)] IReadOnlyList<Guid>? ProjectIds,
    [property: Id(4)] StatusPageVisibility? Visibility,
    [property: Id(5)] bool ReplaceDescription = true);
