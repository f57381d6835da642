using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>PUT /api/status-pages/:id</c>: fields left out keep their value; a null description clears it.</summary>
public sealed record StatusPageUpdateRequest
{
    [Description("1 to 100 characters, one line.")]
    public string? Title { get; init; }

    [Description("3 to 64 lowercase letters, digits and dashes; the old slug stops answering at once.")]
    public string? Slug { get; init; }

    [Description("At most 1000 characters.")]
    public string? Description { get; init; }

    [Description("1 to 50 projects of the workspace the caller sees.")]
    public IReadOnlyList<Guid>? ProjectIds { get; init; }

    [Description("Turning private issues a token (in this answer, once); turning public drops it.")]
    public GrainInterfaces.StatusPages.StatusPageVisibility? Visibility { get; init; }
}
