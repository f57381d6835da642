using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>A project with the summaries of its devices.</summary>
public sealed record ProjectSummary(
    Guid Id,
    string Name,
    string? Description,
    bool IsDefault,
    DateTimeOffset CreatedAt,
    IReadOnlyList<DeviceSummaryResponse> Devices)
{
    public static ProjectSummary Of(ProjectInfo project) => new(
        project.Id,
        project.Name,
        project.Description,
        project.IsDefault,
        project.CreatedAt,
        project.Devices.Select(DeviceSummaryResponse.Of).ToArray());
}
