namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>The answer to a monitor command: the monitor after the change, or why nothing changed.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.MonitorOutcome")]
public sealed record MonitorOutcome
{
    [Id(0)] public MonitorSnapshot? Monitor { get; init; }
    [Id(1)] public bool NotFound { get; init; }
    /// <summary>Neutral field id (<see cref="MonitorField"/>) to message, when the configuration was refused; each API dialect names the fields its own way.</summary>
    [Id(2)] public IReadOnlyDictionary<string, string>? Errors { get; init; }

    /// <summary>The project named for a new monitor does not exist in the workspace.</summary>
    [Id(3)] public bool ProjectNotFound { get; init; }

    /// <summary>The workspace's plan allows no more devices.</summary>
    [Id(4)] public bool PlanLimitReached { get; init; }

    /// <summary>A caller limited to some projects asked for a new monitor in the default project, which may lie outside its scope.</summary>
    [Id(5)] public bool ScopeForbidden { get; init; }

    /// <summary>The change was for another kind of monitor (<see cref="MonitorConfigPatch.OnlyForType"/>); nothing changed.</summary>
    [Id(6)] public bool WrongType { get; init; }

    public static MonitorOutcome Missing { get; } = new() { NotFound = true };

    public static MonitorOutcome Invalid(IReadOnlyDictionary<string, string> errors) => new() { Errors = errors };

    public static MonitorOutcome Of(MonitorSnapshot monitor) => new() { Monitor = monitor };
}
