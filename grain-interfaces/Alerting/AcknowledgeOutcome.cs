namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>What acknowledging an incident came to.</summary>
/// <param name="Found">The incident exists in the caller's view.</param>
/// <param name="AcknowledgedAt">When it was acknowledged (now, or earlier by someone else).</param>
/// <param name="AcknowledgedBy">The user who acknowledged it first.</param>
/// <param name="AlreadyAcknowledged">Someone had acknowledged it before: nothing changed.</param>
/// <param name="Resolved">The incident is resolved: there was nothing left to stop.</param>
/// <param name="CancelledDeliveries">Escalation deliveries not yet sent that the acknowledgement stopped.</param>
[GenerateSerializer, Alias("OrleansMonitor.AcknowledgeOutcome")]
public sealed record AcknowledgeOutcome(
    [property: Id(0)] bool Found,
    [property: Id(1)] DateTimeOffset? AcknowledgedAt = null,
    [property: Id(2)] Guid? AcknowledgedBy = null,
    [property: Id(3)] bool AlreadyAcknowledged = false,
    [property: Id(4)] bool Resolved = false,
    [property: Id(5)] int CancelledDeliveries = 0)
{
    public static AcknowledgeOutcome Missing { get; } = new(false);
}
