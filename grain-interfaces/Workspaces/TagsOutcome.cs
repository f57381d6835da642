namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>The answer to a tag change: the tags now set, or why nothing changed.</summary>
/// <param name="Error">Why the tags were refused (nothing changed), or null.</param>
/// <param name="Tags">The normalized tags applied.</param>
/// <param name="Missing">
/// Device ids that are not in the workspace (nothing changed for them); a single device the caller may not see is
/// named here too. In a bulk change by a caller limited to some projects, ids outside them are neither changed nor
/// listed, whether they exist elsewhere or not at all: listing only the unknown ones would tell which exist in other
/// projects.
/// </param>
/// <param name="Updated">Devices whose tags were set.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.TagsOutcome")]
public sealed record TagsOutcome(
    [property: Id(0)] string? Error,
    [property: Id(1)] IReadOnlyList<string> Tags,
    [property: Id(2)] IReadOnlyList<Guid> Missing,
    [property: Id(3)] int Updated = 0);
