namespace OrleansMonitor.GrainInterfaces.Webhooks;

/// <summary>What an inbound post or a test came to: the call recorded and the outbox deliveries it made.</summary>
/// <param name="Found">The webhook exists (and, for inbound posts, is active).</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.FanOutOutcome")]
public sealed record FanOutOutcome(
    [property: Id(0)] bool Found,
    [property: Id(1)] Guid CallId = default,
    [property: Id(2)] IReadOnlyList<Guid>? DeliveryIds = null)
{
    public static FanOutOutcome Missing { get; } = new(false);
}
