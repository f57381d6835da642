using OrleansMonitor.GrainInterfaces.StatusPages;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>A project on a status page, with its devices.</summary>
public sealed record PublicProjectStatus(string Name, IReadOnlyList<PublicDeviceStatus> Devices)
{
    public static PublicProjectStatus Of(PublicProjectView project) => new(project.Name, project.Devices.Select(PublicDeviceStatus.Of).ToArray());
}
