using System.ComponentModel;
using OrleansMonitor.GrainInterfaces.StatusPages;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>A device on a status page: name, state and last check only.</summary>
public sealed record PublicDeviceStatus(
    string Name,
    [property: Description("up, down, pending (no probe yet) or maintenance.")] string Status,
    DateTimeOffset? LastCheck)
{
    public static PublicDeviceStatus Of(PublicDeviceView device) => new(device.Name, device.Status, device.LastCheck);
}
