namespace OrleansMonitor.GrainInterfaces.Webhooks;

/// <summary>What another system posted to an inbound URL; hostile text, cleaned and capped by the grain.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.InboundAlert")]
public sealed record InboundAlert(
    [property: Id(0)] string? Title,
    [property: Id(1)] string? Message,
    [property: Id(2)] string? Severity);
