namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>PUT /api/projects/:id</c>: fields left out keep their value; a null description clears it.</summary>
public sealed record ProjectUpdateRequest
{
    public string? Name { get; init; }

    public string? Description { get; init; }
}
