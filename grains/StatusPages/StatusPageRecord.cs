using OrleansMonitor.GrainInterfaces.StatusPages;

namespace OrleansMonitor.Grains.StatusPages;

/// <summary>A row of <c>om_status_pages</c>: a page's settings and its token's SHA-256 (null for a public page).</summary>
public sealed record StatusPageRecord(
    Guid Id,
    Guid WorkspaceId,
    string Slug,
    string Title,
    string? Description,
    IReadOnlyList<Guid> ProjectIds,
    StatusPageVisibility Visibility,
    byte[]? TokenHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public StatusPageInfo ToInfo() => new(Id, Title, Slug, Description, ProjectIds, Visibility, CreatedAt, UpdatedAt);
}
