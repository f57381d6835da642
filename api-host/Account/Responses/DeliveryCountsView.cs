using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.ApiHost.Account.Responses;

/// <summary>Alert deliveries recorded in the last 24 hours, by where they stand now (pending includes those being sent).</summary>
public sealed record DeliveryCountsView(long Sent, long Failed, long Pending, long Cancelled)
{
    public static DeliveryCountsView Of(DeliveryCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new(counts.Sent, counts.Failed, counts.Pending, counts.Cancelled);
    }
}
