using System.ComponentModel;
using OrleansMonitor.GrainInterfaces.StatusPages;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>A status page as its workspace's members see it.</summary>
public sealed record StatusPageView(
    Guid Id,
    string Title,
    string Slug,
    string? Description,
    IReadOnlyList<Guid> ProjectIds,
    [property: Description("public, or private: the share URL needs `?token=`.")] StatusPageVisibility Visibility,
    [property: Description("The share URL's path: `GET` it anonymously (with `?token=` for a private page).")] string PublicPath,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static StatusPageView Of(StatusPageInfo page) => new(
        page.Id,
        page.Title,
        page.Slug,
        page.Description,
        page.ProjectIds,
        page.Visibility,
        "/api/public/status-pages/" + page.Slug,
        page.CreatedAt,
        page.UpdatedAt);
}
