namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>What a test-send came to: the deliveries queued (to poll), or why none was.</summary>
/// <param name="DeliveryIds">The queued deliveries, or null when refused.</param>
/// <param name="Errors">Why nothing was queued (field path to message).</param>
/// <param name="ProjectNotFound">No such project in the caller's view.</param>
[GenerateSerializer, Alias("OrleansMonitor.TestSendOutcome")]
public sealed record TestSendOutcome(
    [property: Id(0)] IReadOnlyList<Guid>? DeliveryIds,
    [property: Id(1)] IReadOnlyDictionary<string, string>? Errors = null,
    [property: Id(2)] bool ProjectNotFound = false)
{
    public static TestSendOutcome Missing { get; } = new(null, ProjectNotFound: true);

    public static TestSendOutcome Refused(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });
}
