namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>Alert deliveries recorded in a span, by where they stand now.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.DeliveryCounts")]
public sealed record DeliveryCounts(
    [property: Id(0)] long Sent,
    [property: Id(1)] long Failed,
    [property: Id(2)] long Pending,
    [property: Id(3)] long Cancelled)
{
    public static DeliveryCounts Zero { get; } = new(0, 0, 0, 0);
}
