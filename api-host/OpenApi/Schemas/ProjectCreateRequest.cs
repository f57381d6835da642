namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>POST /api/projects</c>.</summary>
public sealed record ProjectCreateRequest
{
    public required string Name { get; init; }

    public string? Description { get; init; }
}
