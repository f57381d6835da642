namespace OrleansMonitor.Tests.StatusPages;

/// <summary>A status page as its workspace's members read it.</summary>
public sealed record DashmonStatusPage(
    string Id,
    string Title,
    string Slug,
    string? Description,
    IReadOnlyList<string> ProjectIds,
    string Visibility,
    string PublicPath,
    string CreatedAt,
    string UpdatedAt);
