namespace OrleansMonitor.GrainInterfaces.StatusPages;

/// <summary>What a change of a status page came to: the page (and a token issued by it, shown once), or why nothing changed.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.StatusPageOutcome")]
public sealed record StatusPageOutcome
{
    [Id(0)] public StatusPageInfo? Page { get; init; }

    /// <summary>The private page's new access token, when this change issued one (create, turning private, rotation).</summary>
    [Id(1)] public string? Token { get; init; }

    /// <summary>No such page in the caller's workspace, or one including a project outside the caller's scope.</summary>
    [Id(2)] public bool NotFound { get; init; }

    /// <summary>Field errors (field to message).</summary>
    [Id(3)] public IReadOnlyDictionary<string, string>? Errors { get; init; }

    /// <summary>Another page of the installation has the slug.</summary>
    [Id(4)] public bool SlugTaken { get; init; }

    /// <summary>The workspace has as many pages as its plan allows (<see cref="Limit"/>).</summary>
    [Id(5)] public bool LimitReached { get; init; }

    [Id(6)] public int Limit { get; init; }

    /// <summary>A token was asked of a public page.</summary>
    [Id(7)] public bool NotPrivate { get; init; }

    public static StatusPageOutcome Missing { get; } = new() { NotFound = true };
}
