using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>The support summary of a workspace as one caller sees it: its projects and their devices, open incidents, plan.</summary>
/// <param name="Projects">Projects the caller sees.</param>
/// <param name="Devices">The devices of those projects by status.</param>
/// <param name="OpenIncidents">Open incidents of those devices (at most 500 are counted).</param>
/// <param name="Plan">The workspace's plan, limits and usage (of the whole workspace).</param>
/// <param name="Deliveries">The recent alert deliveries the caller may see.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.SupportSummary")]
public sealed record SupportSummary(
    [property: Id(0)] DateTimeOffset GeneratedAt,
    [property: Id(1)] int Projects,
    [property: Id(2)] DeviceStatusCounts Devices,
    [property: Id(3)] int OpenIncidents,
    [property: Id(4)] PlanStatus Plan,
    [property: Id(5)] DeliveryActivity Deliveries);
