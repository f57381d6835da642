namespace OrleansMonitor.GrainInterfaces.Webhooks;

/// <summary>
/// A webhook's calls (inbound posts and tests): all of them, those whose every delivery was sent, and those with a
/// delivery that failed for good. A call whose deliveries are still pending counts in the total only.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.WebhookStatistics")]
public sealed record WebhookStatistics(
    [property: Id(0)] long TotalCalls,
    [property: Id(1)] long SuccessfulCalls,
    [property: Id(2)] long FailedCalls)
{
    public static WebhookStatistics Zero { get; } = new(0, 0, 0);
}
