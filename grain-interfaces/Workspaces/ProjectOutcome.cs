namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>The project after a change, or why nothing changed.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.ProjectOutcome")]
public sealed record ProjectOutcome
{
    [Id(0)] public ProjectInfo? Project { get; init; }
    [Id(1)] public bool NotFound { get; init; }
    [Id(2)] public IReadOnlyDictionary<string, string>? Errors { get; init; }
    [Id(3)] public bool PlanLimitReached { get; init; }

    /// <summary>The caller is limited to some projects and may not do this (create a project).</summary>
    [Id(4)] public bool ScopeForbids { get; init; }
}
