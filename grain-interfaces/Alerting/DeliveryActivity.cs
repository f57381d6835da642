namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>
/// A workspace's recent alert deliveries as one caller sees them (those about incidents of projects outside its scope
/// left out): the counts of the last 24 hours and the newest deliveries, destinations masked.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.DeliveryActivity")]
public sealed record DeliveryActivity(
    [property: Id(0)] DeliveryCounts Last24Hours,
    [property: Id(1)] IReadOnlyList<DeliveryInfo> Recent)
{
    /// <summary>Newest deliveries shown at most.</summary>
    public const int RecentLimit = 20;

    public static DeliveryActivity None { get; } = new(DeliveryCounts.Zero, []);
}
