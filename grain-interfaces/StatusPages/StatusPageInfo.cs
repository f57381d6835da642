namespace OrleansMonitor.GrainInterfaces.StatusPages;

/// <summary>A status page as its workspace's members see it (never its token, which is shown once when issued).</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.StatusPageInfo")]
public sealed record StatusPageInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Slug,
    [property: Id(3)] string? Description,
    [property: Id(4)] IReadOnlyList<Guid> ProjectIds,
    [property: Id(5)] StatusPageVisibility Visibility,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset UpdatedAt);
