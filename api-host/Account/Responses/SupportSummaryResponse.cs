using System.ComponentModel;
using OrleansMonitor.ApiHost.Dashmon.Responses;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Account.Responses;

/// <summary>Answer of <c>GET /api/support/summary</c>: devices by status, open incidents, recent alert deliveries, plan and limits.</summary>
public sealed record SupportSummaryResponse(
    DateTimeOffset GeneratedAt,
    [property: Description("Projects the caller sees.")] int Projects,
    SupportDeviceCounts Devices,
    [property: Description("Open incidents of the visible devices (at most 500 are counted).")] int OpenIncidents,
    [property: Description("The newest alert deliveries the caller may see (at most 20), destinations masked.")] IReadOnlyList<DeliveryView> RecentDeliveries,
    DeliveryCountsView DeliveriesLast24Hours,
    SupportPlanStatus Plan) : SuccessResponse
{
    public static SupportSummaryResponse Of(SupportSummary summary)
    {
        var plan = summary.Plan;
        var devices = summary.Devices;
        return new(
            summary.GeneratedAt,
            summary.Projects,
            new SupportDeviceCounts(devices.Total, devices.Up, devices.Down, devices.Pending, devices.Maintenance),
            summary.OpenIncidents,
            [.. summary.Deliveries.Recent.Select(DeliveryView.Of)],
            DeliveryCountsView.Of(summary.Deliveries.Last24Hours),
            new SupportPlanStatus(
                plan.Plan,
                plan.WriteLocked,
                new SupportPlanLimits(plan.ProjectLimit, plan.DeviceLimit, plan.TokenLimit, plan.MinIntervalSeconds),
                new SupportPlanUsage(plan.Projects, plan.Devices)));
    }
}
