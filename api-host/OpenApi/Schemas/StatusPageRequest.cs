using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>POST /api/status-pages</c>.</summary>
public sealed record StatusPageRequest
{
    [Description("1 to 100 characters, one line.")]
    public required string Title { get; init; }

    [Description("3 to 64 lowercase letters, digits and dashes, not starting or ending with a dash; unique across the installation (409 `slug_taken`).")]
    public required string Slug { get; init; }

    [Description("At most 1000 characters; control characters other than line breaks and tabs are dropped.")]
    public string? Description { get; init; }

    [Description("1 to 50 projects of the workspace the caller sees (others: 422).")]
    public required IReadOnlyList<Guid> ProjectIds { get; init; }

    [Description("public, or private: the share URL then needs the token this answer shows once.")]
    public required GrainInterfaces.StatusPages.StatusPageVisibility Visibility { get; init; }
}
