namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>The answer to a tag change: the tags now set, or why nothing changed.</summary>
/// <param name="Error">Why the tags were refused (nothing changed), or null.</param>
/// <param name="Tags">The normalized tags applied.</param>
/// <param name="Missing">Device ids that are not in the workspace (nothing changed for them).</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.TagsOutcome")]
public sealed record TagsOutcome(
    [property: Id(0)] string? Error,
    [property: Id(1)] IReadOnlyList<string> Tags,
    [property: Id(2)] IReadOnlyList<Guid> Missing);
