using System.ComponentModel;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.StatusPages;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>GET /api/public/status-pages/:slug</c>: what anyone with the link sees (no ids, owners or addresses).</summary>
public sealed record PublicStatusPageResponse(
    string Title,
    string? Description,
    [property: Description("operational, maintenance (none down, some in maintenance), partial_outage (some devices down) or major_outage (every device with a verdict down).")] string OverallState,
    IReadOnlyList<PublicProjectStatus> Projects,
    [property: Description("The newest updates (at most 20), newest first.")] IReadOnlyList<PublicStatusUpdate> Updates) : SuccessResponse
{
    public static PublicStatusPageResponse Of(PublicStatusView view) => new(
        view.Title,
        view.Description,
        view.OverallState,
        view.Projects.Select(PublicProjectStatus.Of).ToArray(),
        view.Updates.Select(PublicStatusUpdate.Of).ToArray());
}
